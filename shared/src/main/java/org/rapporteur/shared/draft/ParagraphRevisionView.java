package org.rapporteur.shared.draft;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.rapporteur.shared.report.Actor;

/**
 * One revision of a paragraph: who wrote it and when, what happened to it, and how it differs from
 * the revision before.
 *
 * @param origin how the revision came about, where drafting is not the answer: {@code
 *     ORAL_AMENDMENT} (accepted by the chair in session) or {@code CORRIGENDUM}; null otherwise
 * @param proposedBy for an oral amendment, the entity whose delegation proposed it
 * @param corrigendumNumber for a corrigendum, its number
 * @param oralAmendments the oral amendments proposed on this revision in session, accepted or not
 */
public record ParagraphRevisionView(
    int revision,
    String text,
    Actor author,
    Instant at,
    List<StatusChange> statusChanges,
    List<DiffSegment> diff,
    @JsonInclude(JsonInclude.Include.NON_NULL) String origin,
    @JsonInclude(JsonInclude.Include.NON_NULL) String proposedBy,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer corrigendumNumber,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<OralAmendmentView> oralAmendments) {

  public ParagraphRevisionView {
    statusChanges = statusChanges == null ? List.of() : List.copyOf(statusChanges);
    diff = diff == null ? List.of() : List.copyOf(diff);
    oralAmendments = oralAmendments == null ? List.of() : List.copyOf(oralAmendments);
  }

  /** A revision drafted in the ordinary way. */
  public ParagraphRevisionView(
      int revision, String text, Actor author, Instant at, List<StatusChange> statusChanges, List<DiffSegment> diff) {
    this(revision, text, author, at, statusChanges, diff, null, null, null, List.of());
  }
}
