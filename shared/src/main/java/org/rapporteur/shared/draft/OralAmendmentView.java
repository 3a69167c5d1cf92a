package org.rapporteur.shared.draft;

import org.rapporteur.shared.report.OralAmendmentId;

/**
 * An oral amendment proposed on a paragraph in session.
 *
 * @param baseRevision the paragraph's revision it was proposed on
 * @param proposedBy the code of the entity whose delegation proposed it
 */
public record OralAmendmentView(
    OralAmendmentId amendmentId, int baseRevision, String text, String proposedBy, boolean accepted) {}
