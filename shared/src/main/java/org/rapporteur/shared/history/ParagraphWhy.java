package org.rapporteur.shared.history;

import java.util.List;

/**
 * A paragraph's "why" timeline: every event that touched it, oldest first, and the adoption of
 * the report that holds it. Both sides answer it in this form: the query side from its
 * projection, the evidence bundle from the event store.
 */
public record ParagraphWhy(String reportId, String paragraphId, List<WhyEntry> entries) {

  public ParagraphWhy {
    entries = List.copyOf(entries);
  }
}
