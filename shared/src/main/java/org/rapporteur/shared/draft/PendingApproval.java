package org.rapporteur.shared.draft;

import org.rapporteur.shared.report.DecisionId;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ReportId;

/**
 * What waits for the chair: a submitted paragraph ({@code paragraphId}) or a proposed decision
 * ({@code decisionId}).
 */
public record PendingApproval(
    ReportId reportId,
    ParagraphId paragraphId,
    DecisionId decisionId,
    Integer revision,
    String text,
    String authorEntity) {}
