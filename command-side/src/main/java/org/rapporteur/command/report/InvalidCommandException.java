package org.rapporteur.command.report;

/** A field is missing or invalid, or names an id that is not in the report. */
public final class InvalidCommandException extends ReportRuleViolation {

  InvalidCommandException(String rule, String message) {
    super(rule, message);
  }

  @Override
  public Kind kind() {
    return Kind.INVALID;
  }
}
