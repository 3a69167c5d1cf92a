package org.rapporteur.command.report;

/** The report's current state forbids this command (agenda adopted, report adopted, wrong status...). */
public final class StateConflictException extends ReportRuleViolation {

  StateConflictException(String rule, String message) {
    super(rule, message);
  }

  @Override
  public Kind kind() {
    return Kind.CONFLICT;
  }
}
