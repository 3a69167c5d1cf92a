package org.rapporteur.shared.report;

/** Record that a delegation proposed from the floor that a paragraph read {@code text}. */
public record ProposeOralAmendment(
    ReportId reportId, ParagraphId paragraphId, OralAmendmentId amendmentId, String text, String proposedBy, Actor actor)
    implements ReportCommand {}
