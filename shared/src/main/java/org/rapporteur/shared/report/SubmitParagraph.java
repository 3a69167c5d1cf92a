package org.rapporteur.shared.report;

/** Submit a paragraph's current revision to the chair. */
public record SubmitParagraph(
    ReportId reportId,
    ParagraphId paragraphId,
    Actor actor)
    implements ReportCommand {}
