package org.rapporteur.shared.report;

import java.time.Instant;

/**
 * The chair accepted an oral amendment: the paragraph now reads exactly {@code text}, as its
 * revision {@code revision}, "as orally amended"; its status is kept.
 *
 * @param textHash the SHA-256 (lower-case hex) of the UTF-8 bytes of {@code text}: the act fixes
 *     that text
 */
public record OralAmendmentAccepted(
    ReportId reportId,
    ParagraphId paragraphId,
    OralAmendmentId amendmentId,
    int baseRevision,
    int revision,
    String text,
    String proposedBy,
    String textHash,
    Actor actor,
    Instant at)
    implements ParagraphEvent {}
