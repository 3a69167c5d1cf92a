package org.rapporteur.shared.report;

/** Accept an oral amendment: the paragraph reads as orally amended. */
public record AcceptOralAmendment(ReportId reportId, ParagraphId paragraphId, OralAmendmentId amendmentId, Actor actor)
    implements ReportCommand {}
