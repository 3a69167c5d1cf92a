package org.rapporteur.shared.report;

import java.time.Instant;

/** The chair approved exactly this revision of a paragraph. */
public record ParagraphApproved(
    ReportId reportId,
    ParagraphId paragraphId,
    int revision,
    Actor actor,
    Instant at)
    implements ParagraphEvent {}
