package org.rapporteur.command.report;

import org.rapporteur.shared.report.ParagraphId;

/**
 * A revision was based on a revision of the paragraph that is no longer the current one: a
 * conflict answered with the current text, so the author can merge instead of losing an update.
 */
public final class StaleRevisionException extends ReportRuleViolation {

  private final int currentRevision;
  private final String currentText;

  StaleRevisionException(ParagraphId paragraphId, int baseRevision, int currentRevision, String currentText) {
    super(
        "stale-revision",
        "paragraph " + paragraphId + " is at revision " + currentRevision
            + ", not at the base revision " + baseRevision + "; revise the current text");
    this.currentRevision = currentRevision;
    this.currentText = currentText;
  }

  @Override
  public Kind kind() {
    return Kind.CONFLICT;
  }

  public int currentRevision() {
    return currentRevision;
  }

  public String currentText() {
    return currentText;
  }
}
