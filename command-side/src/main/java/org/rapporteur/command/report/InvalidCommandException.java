package org.rapporteur.command.report;

/** A field is missing or invalid, or names an id that is not in the report. */
public final class InvalidCommandException extends ReportRuleViolation {

  private final String field;

  InvalidCommandException(String rule, String field, String message) {
    super(rule, message);
    this.field = field;
  }

  /** The request body's field at fault, as the problem's {@code field} member names it. */
  public String field() {
    return field;
  }

  @Override
  public Kind kind() {
    return Kind.INVALID;
  }
}
