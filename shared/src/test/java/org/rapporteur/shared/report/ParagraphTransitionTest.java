package org.rapporteur.shared.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transition table is the one place a paragraph's lifecycle is written: it must be whole. */
class ParagraphTransitionTest {

  @Test
  void everyFactAboutAParagraphHasExactlyOneTransition() {
    List<Class<?>> paragraphEvents = Arrays.asList(ParagraphEvent.class.getPermittedSubclasses());
    List<Class<?>> inTable = Arrays.stream(ParagraphTransition.values()).<Class<?>>map(ParagraphTransition::event).toList();

    assertThat(inTable).containsExactlyInAnyOrderElementsOf(paragraphEvents);
  }

  @Test
  void aWithdrawnParagraphTakesNoFurtherTransition() {
    assertThat(ParagraphTransition.values())
        .allSatisfy(t -> assertThat(t.allowedFrom(ParagraphStatus.WITHDRAWN)).as(t.name()).isFalse());
  }

  @Test
  void onlyDraftingStartsAParagraph() {
    assertThat(ParagraphTransition.values())
        .filteredOn(t -> t.from().isEmpty())
        .containsExactly(ParagraphTransition.DRAFTED);
  }
}
