package org.rapporteur.shared.report;

/**
 * One paragraph a corrigendum corrects: from its revision {@code baseRevision}, as adopted or as
 * the last corrigendum left it, to {@code text}, its revision {@code revision}.
 *
 * @param textHash the SHA-256 (lower-case hex) of the UTF-8 bytes of {@code text}
 */
public record Correction(ParagraphId paragraphId, int baseRevision, int revision, String text, String textHash) {}
