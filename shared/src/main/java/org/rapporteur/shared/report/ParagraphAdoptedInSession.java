package org.rapporteur.shared.report;

import java.time.Instant;

/**
 * The meeting adopted a paragraph in session, exactly as its revision {@code revision} reads;
 * brackets, if any, are removed.
 *
 * @param textHash the SHA-256 (lower-case hex) of the UTF-8 bytes of the adopted text
 */
public record ParagraphAdoptedInSession(
    ReportId reportId, ParagraphId paragraphId, int revision, String textHash, Actor actor, Instant at)
    implements ParagraphEvent {}
