package org.rapporteur.shared.report;

/** Draft a paragraph in a section, after {@code afterParagraphId} or last. */
public record DraftParagraph(
    ReportId reportId,
    ParagraphId paragraphId,
    SectionId sectionId,
    String text,
    ParagraphId afterParagraphId,
    Actor actor)
    implements ReportCommand {}
