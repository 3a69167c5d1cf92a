package org.rapporteur.shared.report;

/** Approve exactly this revision of a paragraph. */
public record ApproveParagraph(
    ReportId reportId,
    ParagraphId paragraphId,
    int revision,
    Actor actor)
    implements ReportCommand {}
