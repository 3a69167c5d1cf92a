package org.rapporteur.query.draft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.draft.ReportDraft;
import org.rapporteur.shared.json.ReportEventJson;

/**
 * {@link DraftState#apply} skips an event type it has no handler for, silently: a new event must
 * fail here until the draft shows it. Every event of the story changes what the draft shows.
 */
class DraftStateEveryEventTest {

  @Test
  void everyEventTypeChangesTheDraft() {
    List<String> unhandled = new ArrayList<>();

    for (Class<?> type : EventLog.eventTypes()) {
      List<RecordedEvent> events = EventLog.stories().stream()
          .filter(story -> story.stream().anyMatch(e -> type.isInstance(e.event())))
          .findFirst()
          .orElse(List.of());
      RecordedEvent first =
          events.stream().filter(e -> type.isInstance(e.event())).findFirst().orElse(null);
      if (first == null) {
        unhandled.add(type.getSimpleName() + " (not in EventLog.stories)");
        continue;
      }
      ReportDraft before = DraftState.atPosition(events, first.position() - 1);
      ReportDraft after = DraftState.atPosition(events, first.position());

      assertThat(after.position()).isEqualTo(first.position());
      if (withoutPosition(before).equals(withoutPosition(after))) {
        unhandled.add(type.getSimpleName());
      }
    }

    assertThat(unhandled).as("event types the draft does not show").isEmpty();
  }

  /** The position always advances, so only the rest of the draft says whether it was handled. */
  private static ObjectNode withoutPosition(ReportDraft draft) {
    ObjectNode json = ReportEventJson.mapper().valueToTree(draft);
    json.remove("position");
    return json;
  }
}
