package org.rapporteur.shared.report;

/** Return a paragraph to its authors with a comment. */
public record ReturnParagraph(
    ReportId reportId,
    ParagraphId paragraphId,
    String comment,
    Actor actor)
    implements ReportCommand {}
