package org.rapporteur.shared.report;

import java.time.Instant;

/**
 * A delegation proposed from the floor that a paragraph read {@code text}, as the secretary or the
 * chair recorded it, on the paragraph's revision {@code baseRevision}.
 *
 * @param proposedBy the code of the entity whose delegation proposed it
 */
public record OralAmendmentProposed(
    ReportId reportId,
    ParagraphId paragraphId,
    OralAmendmentId amendmentId,
    int baseRevision,
    String text,
    String proposedBy,
    Actor actor,
    Instant at)
    implements ParagraphEvent {}
