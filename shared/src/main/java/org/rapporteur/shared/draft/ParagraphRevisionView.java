package org.rapporteur.shared.draft;

import java.time.Instant;
import java.util.List;
import org.rapporteur.shared.report.Actor;

/**
 * One revision of a paragraph: who wrote it and when, what happened to it, and how it differs from
 * the revision before.
 */
public record ParagraphRevisionView(
    int revision,
    String text,
    Actor author,
    Instant at,
    List<StatusChange> statusChanges,
    List<DiffSegment> diff) {

  public ParagraphRevisionView {
    statusChanges = statusChanges == null ? List.of() : List.copyOf(statusChanges);
    diff = diff == null ? List.of() : List.copyOf(diff);
  }
}
