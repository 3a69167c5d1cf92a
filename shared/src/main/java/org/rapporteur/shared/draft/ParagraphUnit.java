package org.rapporteur.shared.draft;

import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphStatus;

/**
 * A paragraph in its section; {@code number} is computed across the report, null when withdrawn.
 */
public record ParagraphUnit(
    ParagraphId paragraphId,
    Integer number,
    String text,
    ParagraphStatus status,
    int revision,
    String authorEntity)
    implements DraftUnit {}
