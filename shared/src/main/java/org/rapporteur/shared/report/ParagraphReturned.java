package org.rapporteur.shared.report;

import java.time.Instant;

/** The chair returned a paragraph's revision to its authors with a comment. */
public record ParagraphReturned(
    ReportId reportId,
    ParagraphId paragraphId,
    int revision,
    String comment,
    Actor actor,
    Instant at)
    implements ParagraphEvent {}
