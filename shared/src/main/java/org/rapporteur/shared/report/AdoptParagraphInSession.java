package org.rapporteur.shared.report;

/** Adopt a paragraph in session, as it now reads. */
public record AdoptParagraphInSession(ReportId reportId, ParagraphId paragraphId, Actor actor) implements ReportCommand {}
