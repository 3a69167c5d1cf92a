package org.rapporteur.shared.report;

/** One paragraph of a corrigendum and the text it is to read. */
public record CorrectParagraph(ParagraphId paragraphId, String text) {}
