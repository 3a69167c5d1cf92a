package org.rapporteur.shared.report;

import java.time.Instant;

/** A paragraph's current revision was submitted to the chair for approval. */
public record ParagraphSubmitted(
    ReportId reportId,
    ParagraphId paragraphId,
    int revision,
    Actor actor,
    Instant at)
    implements ParagraphEvent {}
