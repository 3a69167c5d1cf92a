package org.rapporteur.command.report;

/** The actor's role or entity may not take this action. */
public final class ForbiddenActionException extends ReportRuleViolation {

  ForbiddenActionException(String rule, String message) {
    super(rule, message);
  }

  @Override
  public Kind kind() {
    return Kind.FORBIDDEN;
  }
}
