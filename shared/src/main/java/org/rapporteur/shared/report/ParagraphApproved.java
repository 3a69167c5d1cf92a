package org.rapporteur.shared.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The chair approved exactly this revision of a paragraph.
 *
 * @param textHash the SHA-256 (lower-case hex) of the UTF-8 bytes of exactly the approved text, so
 *     that the approval names the words it stands on; absent (null) on approvals stored before
 *     approvals were bound to their text, and then left out of the JSON, which stays as stored
 */
public record ParagraphApproved(
    ReportId reportId,
    ParagraphId paragraphId,
    int revision,
    @JsonInclude(JsonInclude.Include.NON_NULL) String textHash,
    Actor actor,
    Instant at)
    implements ParagraphEvent {}
