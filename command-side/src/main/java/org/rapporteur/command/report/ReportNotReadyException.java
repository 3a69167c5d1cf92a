package org.rapporteur.command.report;

import java.util.List;
import org.rapporteur.shared.report.DecisionId;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphStatus;

/** The report cannot be adopted while a live paragraph is not approved or a decision not adopted. */
public final class ReportNotReadyException extends ReportRuleViolation {

  private final List<ParagraphId> pendingParagraphs;
  private final List<DecisionId> pendingDecisions;

  /**
   * @param act what the report cannot be yet ("adopted", "taken into an adoption session")
   * @param required the status every live paragraph needs for it
   */
  ReportNotReadyException(
      String act, ParagraphStatus required, List<ParagraphId> pendingParagraphs, List<DecisionId> pendingDecisions) {
    super("report-not-ready", describe(act, required, pendingParagraphs, pendingDecisions));
    this.pendingParagraphs = List.copyOf(pendingParagraphs);
    this.pendingDecisions = List.copyOf(pendingDecisions);
  }

  private static String describe(
      String act, ParagraphStatus required, List<ParagraphId> paragraphs, List<DecisionId> decisions) {
    StringBuilder message = new StringBuilder("the report cannot be " + act + " yet:");
    if (!paragraphs.isEmpty()) {
      message.append(" paragraphs not ")
          .append(required == ParagraphStatus.ADOPTED ? "adopted in session " : "approved ")
          .append(paragraphs)
          .append(';');
    }
    if (!decisions.isEmpty()) {
      message.append(" decisions not adopted ").append(decisions).append(';');
    }
    return message.substring(0, message.length() - 1);
  }

  @Override
  public Kind kind() {
    return Kind.CONFLICT;
  }

  /** Live paragraphs whose current revision is not approved. */
  public List<ParagraphId> pendingParagraphs() {
    return pendingParagraphs;
  }

  /** Decisions not adopted. */
  public List<DecisionId> pendingDecisions() {
    return pendingDecisions;
  }
}
