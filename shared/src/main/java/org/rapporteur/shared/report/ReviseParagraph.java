package org.rapporteur.shared.report;

/** Revise a paragraph's text, based on the revision the author last saw. */
public record ReviseParagraph(
    ReportId reportId,
    ParagraphId paragraphId,
    String text,
    int baseRevision,
    Actor actor)
    implements ReportCommand {}
