package org.rapporteur.shared.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.rapporteur.shared.draft.DiffSegment;
import org.rapporteur.shared.report.Actor;

/**
 * One event of a paragraph's "why" timeline: the envelope as the audit trail shows it and what the
 * event says about the paragraph. Members that do not apply to the event's type are left out.
 *
 * @param hash the event's link in the report's hash chain; null for an event stored before the
 *     chain existed
 * @param revision the revision drafted, revised, submitted, returned or approved
 * @param baseRevision the revision a revision was made from
 * @param text the text of a drafted or revised revision
 * @param diff a drafted or revised revision's text against the revision before (revision 1 inserts
 *     its whole text)
 * @param approvalReopened whether a revision took an approved paragraph back to draft
 * @param authorEntity the entity that drafted the paragraph
 * @param comment why the chair returned the revision
 * @param textHash the SHA-256 of the text the approval named; null on approvals stored before
 *     approvals were bound to their text
 * @param textHashMatches whether {@code textHash} is the SHA-256 of the approved revision's text
 *     as this timeline holds it; null when the approval names no hash or the revision is unknown
 * @param headHash the head of the hash chain the adoption adopted
 * @param proposedBy for an oral amendment, the entity whose delegation proposed it; for a
 *     reservation or explanation of position, the entity whose delegation made it (its words are the
 *     {@code comment})
 * @param symbol for a corrigendum, its symbol
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhyEntry(
    long position,
    String eventId,
    String type,
    Instant timestamp,
    Actor actor,
    String hash,
    Integer revision,
    Integer baseRevision,
    String text,
    List<DiffSegment> diff,
    Boolean approvalReopened,
    String authorEntity,
    String comment,
    String textHash,
    Boolean textHashMatches,
    String headHash,
    String proposedBy,
    String symbol) {

  /** An entry of the drafting stage: no oral amendment, no corrigendum. */
  public WhyEntry(long position, String eventId, String type, Instant timestamp, Actor actor, String hash,
      Integer revision, Integer baseRevision, String text, List<DiffSegment> diff, Boolean approvalReopened,
      String authorEntity, String comment, String textHash, Boolean textHashMatches, String headHash) {
    this(position, eventId, type, timestamp, actor, hash, revision, baseRevision, text, diff, approvalReopened,
        authorEntity, comment, textHash, textHashMatches, headHash, null, null);
  }

  /** The same entry, naming the entity whose delegation proposed an oral amendment. */
  public WhyEntry withProposedBy(String entity) {
    return new WhyEntry(position, eventId, type, timestamp, actor, hash, revision, baseRevision, text, diff,
        approvalReopened, authorEntity, comment, textHash, textHashMatches, headHash, entity, symbol);
  }

  /** The same entry, naming a corrigendum's symbol. */
  public WhyEntry withSymbol(String corrigendumSymbol) {
    return new WhyEntry(position, eventId, type, timestamp, actor, hash, revision, baseRevision, text, diff,
        approvalReopened, authorEntity, comment, textHash, textHashMatches, headHash, proposedBy, corrigendumSymbol);
  }
}
