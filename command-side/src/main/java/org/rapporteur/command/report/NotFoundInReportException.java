package org.rapporteur.command.report;

/** The command names an agenda item, participant, paragraph or decision that this report does not have. */
public final class NotFoundInReportException extends ReportRuleViolation {

  NotFoundInReportException(String rule, String message) {
    super(rule, message);
  }

  @Override
  public Kind kind() {
    return Kind.NOT_FOUND;
  }
}
