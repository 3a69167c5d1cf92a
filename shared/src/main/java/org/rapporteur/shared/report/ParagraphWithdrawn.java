package org.rapporteur.shared.report;

import java.time.Instant;

/** A paragraph was withdrawn: it keeps its history but takes no number. */
public record ParagraphWithdrawn(
    ReportId reportId,
    ParagraphId paragraphId,
    Actor actor,
    Instant at)
    implements ParagraphEvent {}
