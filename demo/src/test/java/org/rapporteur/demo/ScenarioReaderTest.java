package org.rapporteur.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {

  @TempDir Path dir;

  /** A small but complete scenario; each test breaks one thing in its steps. */
  private static final String HEAD = String.join("\n",
      "report: {key: r1, body: B, sessionNumber: 1, title: T, venue: V,",
      "         startDate: 2024-01-02, endDate: 2024-01-02, language: en}",
      "actors:",
      "  sec: {role: SECRETARY, entity: OOSA}",
      "  itu: {role: DELEGATE, entity: ITU}",
      "  chair: {role: CHAIR}",
      "agenda:",
      "  - {key: i1, title: Opening}",
      "sections:",
      "  - key: s1",
      "    chapter: I",
      "    title: Intro",
      "    agendaItems: [i1]",
      "    units:",
      "      - {paragraph: p1, text: One}",
      "      - {paragraph: p2, text: Two}",
      "participants: []",
      "members: [ITU]",
      "steps:",
      "  - {as: sec, do: CreateReport}",
      "  - {as: sec, do: ProposeAgendaItem, on: all}",
      "  - {as: sec, do: AddSection, on: s1}",
      "");

  @Test
  void aScenarioFromAFileGetsIdsPrefixedWithTheReportKey() throws IOException {
    Scenario scenario = read(HEAD
        + "  - {as: sec, do: DraftParagraph, on: [p1, p2]}\n");

    assertThat(scenario.reportId().value()).isEqualTo("r1");
    assertThat(scenario.units()).extracting(u -> u.paragraphId().value())
        .containsExactly("r1.p1", "r1.p2");
    assertThat(scenario.stages()).hasSize(4);
    assertThat(scenario.stages().get(3).steps()).hasSize(2);
  }

  @Test
  void unknownParagraphIsRejectedNamingTheStep() {
    assertThatThrownBy(() -> read(HEAD + "  - {as: sec, do: DraftParagraph, on: p9}\n"))
        .isInstanceOf(ScenarioReader.InvalidScenario.class)
        .hasMessageContaining("step 4 (DraftParagraph)")
        .hasMessageContaining("unknown paragraph 'p9'");
  }

  @Test
  void aDelegateWhoseEntityIsNotAMemberIsRejected() {
    assertThatThrownBy(() -> read(HEAD.replace("members: [ITU]", "members: [WMO]")))
        .isInstanceOf(ScenarioReader.InvalidScenario.class)
        .hasMessageContaining("actors.itu: entity ITU is not among members");
  }

  @Test
  void unknownActorIsRejectedNamingTheStep() {
    assertThatThrownBy(() -> read(HEAD + "  - {as: wmo, do: DraftParagraph, on: p1}\n"))
        .isInstanceOf(ScenarioReader.InvalidScenario.class)
        .hasMessageContaining("step 4: unknown actor 'wmo'");
  }

  @Test
  void revisingAParagraphBeforeItIsDraftedIsRejectedNamingTheStep() {
    assertThatThrownBy(() -> read(HEAD + "  - {as: sec, do: ReviseParagraph, on: p1}\n"))
        .isInstanceOf(ScenarioReader.InvalidScenario.class)
        .hasMessageContaining("step 4 (ReviseParagraph p1 as sec): paragraph p1 is not drafted yet");
  }

  @Test
  void inAParallelBlockAnActorDoesNotSeeWhatAnotherCreates() {
    assertThatThrownBy(() -> read(HEAD + String.join("\n",
            "  - parallel:",
            "      - {as: sec, do: DraftParagraph, on: p1}",
            "      - {as: itu, do: SubmitParagraph, on: p1}",
            "")))
        .isInstanceOf(ScenarioReader.InvalidScenario.class)
        .hasMessageContaining("step 4.2 (SubmitParagraph p1 as itu)");
  }

  @Test
  void twoActorsAddingToOneSectionInParallelIsRejectedBecauseTheOrderWouldBeChance() {
    assertThatThrownBy(() -> read(HEAD + String.join("\n",
            "  - parallel:",
            "      - {as: sec, do: DraftParagraph, on: p1}",
            "      - {as: itu, do: DraftParagraph, on: p2}",
            "")))
        .isInstanceOf(ScenarioReader.InvalidScenario.class)
        .hasMessageContaining("step 4.2 (DraftParagraph p2 as itu)")
        .hasMessageContaining("left to chance");
  }

  @Test
  void draftingOutOfDocumentOrderIsRejected() {
    assertThatThrownBy(() -> read(HEAD + "  - {as: sec, do: DraftParagraph, on: [p2, p1]}\n"))
        .isInstanceOf(ScenarioReader.InvalidScenario.class)
        .hasMessageContaining("step 4 (DraftParagraph p2 as sec)")
        .hasMessageContaining("p1 comes before it");
  }

  @Test
  void expectingAConflictWithoutAStaleBaseIsRejected() {
    assertThatThrownBy(() -> read(HEAD + String.join("\n",
            "  - {as: sec, do: DraftParagraph, on: p1}",
            "  - {as: sec, do: ReviseParagraph, on: p1, expect: stale}",
            "")))
        .isInstanceOf(ScenarioReader.InvalidScenario.class)
        .hasMessageContaining("step 5 (ReviseParagraph)")
        .hasMessageContaining("baseRevision");
  }

  @Test
  void keyThatMakesAnInvalidIdIsRejectedNamingTheKey() {
    assertThatThrownBy(() -> read(HEAD.replace("paragraph: p2", "paragraph: \"p 2\"")))
        .isInstanceOf(ScenarioReader.InvalidScenario.class)
        .hasMessageContaining("paragraph 'p 2'");
  }

  private Scenario read(String yaml) throws IOException {
    Path file = dir.resolve("scenario.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return ScenarioReader.fromPath(file);
  }
}
