package org.rapporteur.shared.report;

/** Put a paragraph whose text the meeting has not agreed in square brackets. */
public record BracketParagraph(ReportId reportId, ParagraphId paragraphId, Actor actor) implements ReportCommand {}
