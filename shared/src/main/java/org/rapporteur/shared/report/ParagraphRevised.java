package org.rapporteur.shared.report;

import java.time.Instant;

/**
 * A paragraph's text was revised from {@code baseRevision} to {@code revision}; {@code
 * approvalReopened} says it had been approved and is back to draft.
 */
public record ParagraphRevised(
    ReportId reportId,
    ParagraphId paragraphId,
    int baseRevision,
    int revision,
    String text,
    boolean approvalReopened,
    Actor actor,
    Instant at)
    implements ParagraphEvent {}
