package org.rapporteur.command.report;

/**
 * The command names an agenda item, participant, member, paragraph or decision that this report does
 * not have, or a report the caller may not see.
 */
public final class NotFoundInReportException extends ReportRuleViolation {

  NotFoundInReportException(String rule, String message) {
    super(rule, message);
  }

  /**
   * What a report that does not exist answers (Axon's own not-found, mapped by the web layer), word
   * for word: a report hidden from the caller answers the same.
   */
  static NotFoundInReportException unknownReport(Object reportId) {
    return new NotFoundInReportException("unknown-report", "No report '" + reportId + "' exists.");
  }

  @Override
  public Kind kind() {
    return Kind.NOT_FOUND;
  }
}
