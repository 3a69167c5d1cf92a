package org.rapporteur.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapporteur.query.draft.EventLog;
import org.rapporteur.query.draft.RecordedEvent;
import org.rapporteur.shared.report.Correction;
import org.rapporteur.shared.report.CorrigendumIssued;
import org.rapporteur.shared.report.ParagraphEvent;
import org.rapporteur.shared.report.ParagraphId;

/**
 * A paragraph's history is every event of that paragraph and nothing else: without one of its
 * events it reads otherwise, without any other event it reads the same. A new paragraph event
 * fails here until the history shows it.
 */
class ParagraphHistoryEveryEventTest {

  /** The story's paragraph with a full life; the others' events are compared against it. */
  private static final ParagraphId P1 = ParagraphId.of("p1");

  @Test
  void onlyTheParagraphsOwnEventsMakeItsHistory() {
    List<String> wrong = new ArrayList<>();

    for (Class<?> type : EventLog.eventTypes()) {
      List<RecordedEvent> events = EventLog.stories().stream()
          .filter(story -> story.stream().anyMatch(e -> type.isInstance(e.event())))
          .findFirst()
          .orElse(List.of());
      RecordedEvent first =
          events.stream().filter(e -> type.isInstance(e.event())).findFirst().orElse(null);
      if (first == null) {
        wrong.add(type.getSimpleName() + " (not in EventLog.stories)");
        continue;
      }
      // A corrigendum is a fact about the whole report that corrects paragraphs: those it corrects read otherwise.
      Correction correction = first.event() instanceof CorrigendumIssued c ? c.corrections().get(0) : null;
      boolean paragraphEvent = first.event() instanceof ParagraphEvent || correction != null;
      ParagraphId id = first.event() instanceof ParagraphEvent e ? e.paragraphId()
          : correction != null ? correction.paragraphId() : P1;
      List<RecordedEvent> without = new ArrayList<>(events);
      without.remove(first);

      boolean changes = !ParagraphHistory.of(id, events).equals(ParagraphHistory.of(id, without));
      if (changes != paragraphEvent) {
        wrong.add(type.getSimpleName() + (paragraphEvent ? " (ignored)" : " (not ignored)"));
      }
    }

    assertThat(wrong).as("event types the paragraph history gets wrong").isEmpty();
  }
}
