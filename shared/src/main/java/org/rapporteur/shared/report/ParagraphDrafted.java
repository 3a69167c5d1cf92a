package org.rapporteur.shared.report;

import java.time.Instant;

/**
 * A paragraph was drafted in a section (revision 1), placed after {@code afterParagraphId} or,
 * when null, last in its section.
 */
public record ParagraphDrafted(
    ReportId reportId,
    ParagraphId paragraphId,
    SectionId sectionId,
    ParagraphId afterParagraphId,
    String text,
    String authorEntity,
    int revision,
    Actor actor,
    Instant at)
    implements ParagraphEvent {}
