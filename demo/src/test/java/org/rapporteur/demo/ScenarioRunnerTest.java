package org.rapporteur.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rapporteur.demo.RecordingSender.Sent;
import org.rapporteur.demo.Scenario.Unit;
import org.rapporteur.shared.report.AddParticipant;
import org.rapporteur.shared.report.AddSection;
import org.rapporteur.shared.report.AdoptAgenda;
import org.rapporteur.shared.report.AdoptDecision;
import org.rapporteur.shared.report.AcceptOralAmendment;
import org.rapporteur.shared.report.AdoptParagraphInSession;
import org.rapporteur.shared.report.AdoptReport;
import org.rapporteur.shared.report.OpenAdoptionSession;
import org.rapporteur.shared.report.ApproveParagraph;
import org.rapporteur.shared.report.CreateReport;
import org.rapporteur.shared.report.DraftParagraph;
import org.rapporteur.shared.report.IssueCorrigendum;
import org.rapporteur.shared.report.ProposeOralAmendment;
import org.rapporteur.shared.report.ProposeAgendaItem;
import org.rapporteur.shared.report.ProposeDecision;
import org.rapporteur.shared.report.ReportCommand;
import org.rapporteur.shared.report.ReturnParagraph;
import org.rapporteur.shared.report.ReviseParagraph;
import org.rapporteur.shared.report.Role;
import org.rapporteur.shared.report.SubmitParagraph;

class ScenarioRunnerTest {

  private final Scenario scenario = ScenarioReader.reference();

  @Test
  void secretaryOpensTheReportAndChairAdoptsTheAgendaBeforeAnythingIsDrafted() {
    RecordingSender sender = new RecordingSender();
    new ScenarioRunner(sender).run(scenario);
    List<ReportCommand> commands = sender.commands();

    assertThat(commands.get(0)).isInstanceOf(CreateReport.class);
    assertThat(commands.subList(1, 10)).allMatch(c -> c instanceof ProposeAgendaItem);
    assertThat(commands.get(10)).isInstanceOf(AdoptAgenda.class);
    assertThat(commands.subList(11, 21)).allMatch(c -> c instanceof AddSection);
    assertThat(commands.subList(21, 41)).allMatch(c -> c instanceof AddParticipant);
    assertThat(commands.get(41)).isInstanceOf(DraftParagraph.class);
    assertThat(commands.get(commands.size() - 1)).isInstanceOf(AdoptReport.class);

    assertThat(commands).filteredOn(c -> c.actor().is(Role.CHAIR))
        .allMatch(c -> c instanceof AdoptAgenda || c instanceof ReturnParagraph
            || c instanceof ApproveParagraph || c instanceof AdoptDecision
            || c instanceof OpenAdoptionSession || c instanceof AcceptOralAmendment
            || c instanceof AdoptParagraphInSession || c instanceof AdoptReport);
    assertThat(commands).filteredOn(c -> c instanceof CreateReport || c instanceof AddSection
            || c instanceof AddParticipant || c instanceof ProposeAgendaItem)
        .allMatch(c -> c.actor().user().equals("secretary") && c.actor().entity() == null);
  }

  @Test
  void delegatesAndTheSecretaryDraftAtTheSameTimeEachOnTheirOwnThread() {
    RecordingSender sender =
        new RecordingSender(Set.of("secretary", "itu", "wmo", "oosa", "unodc"));
    new ScenarioRunner(sender).run(scenario);

    Map<String, Set<String>> threadsByDrafter = sender.sent().stream()
        .filter(s -> s.command() instanceof DraftParagraph)
        .collect(Collectors.groupingBy(s -> s.command().actor().user(),
            Collectors.mapping(Sent::thread, Collectors.toSet())));
    assertThat(threadsByDrafter).containsOnlyKeys("secretary", "itu", "wmo", "oosa", "unodc");
    assertThat(threadsByDrafter.values()).allMatch(threads -> threads.size() == 1);
    assertThat(threadsByDrafter.values().stream().flatMap(Set::stream).distinct()).hasSize(5);
    assertThat(drafter(sender, "p20")).isEqualTo("itu");
    assertThat(drafter(sender, "p09")).isEqualTo("wmo");
  }

  @Test
  void eachActorDraftsItsParagraphsInDocumentOrder() {
    RecordingSender sender = new RecordingSender();
    new ScenarioRunner(sender).run(scenario);

    Map<String, List<String>> draftedBy = sender.commands().stream()
        .filter(c -> c instanceof DraftParagraph)
        .map(c -> (DraftParagraph) c)
        .collect(Collectors.groupingBy(c -> c.actor().user(),
            Collectors.mapping(c -> c.paragraphId().value(), Collectors.toList())));
    assertThat(draftedBy.get("wmo")).isSorted().hasSize(7);
    assertThat(draftedBy.get("secretary")).isSorted();
    assertThat(draftedBy.values().stream().mapToInt(List::size).sum()).isEqualTo(23);
  }

  @Test
  void staleEditIsRetriedOnceOnTheCurrentRevisionAndTheReferenceTextWins() {
    RecordingSender sender = new RecordingSender();
    new ScenarioRunner(sender).run(scenario);

    List<ReviseParagraph> revisesOf20 = sender.commands().stream()
        .filter(c -> c instanceof ReviseParagraph).map(c -> (ReviseParagraph) c)
        .filter(c -> c.paragraphId().value().equals("un-space-40.p20"))
        .toList();
    assertThat(revisesOf20).extracting(c -> c.actor().user(), ReviseParagraph::baseRevision)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("secretary", 1),
            org.assertj.core.groups.Tuple.tuple("itu", 2));
    assertThat(sender.text(unit("p20").paragraphId())).isEqualTo(unit("p20").text());
  }

  @Test
  void returnedParagraphIsRevisedByItsAuthorAndSubmittedAgain() {
    RecordingSender sender = new RecordingSender();
    new ScenarioRunner(sender).run(scenario);

    List<String> p03 = sender.commands().stream()
        .filter(c -> c.toString().contains("un-space-40.p03"))
        .map(c -> c.getClass().getSimpleName() + " by " + c.actor().user())
        .toList();
    assertThat(p03).containsExactly(
        "DraftParagraph by secretary",
        "SubmitParagraph by secretary",
        "ReturnParagraph by chair",
        "ReviseParagraph by secretary",
        "SubmitParagraph by secretary",
        "ApproveParagraph by chair",
        "AdoptParagraphInSession by chair");
    assertThat(sender.text(unit("p03").paragraphId())).isEqualTo(unit("p03").text());
  }

  @Test
  void chairApprovesEveryParagraphAtItsFinalRevisionAndAdoptsBothDecisions() {
    RecordingSender sender = new RecordingSender();
    new ScenarioRunner(sender).run(scenario);
    List<ReportCommand> commands = sender.commands();

    Map<String, Integer> approved = commands.stream()
        .filter(c -> c instanceof ApproveParagraph).map(c -> (ApproveParagraph) c)
        .collect(Collectors.toMap(c -> c.paragraphId().value(), ApproveParagraph::revision));
    assertThat(approved).hasSize(23)
        .containsEntry("un-space-40.p03", 2)
        .containsEntry("un-space-40.p20", 3)
        .containsEntry("un-space-40.p01", 1);
    assertThat(commands).filteredOn(c -> c instanceof SubmitParagraph).hasSize(24);
    assertThat(commands).filteredOn(c -> c instanceof ProposeDecision)
        .extracting(c -> c.actor().user()).containsExactly("wmo", "secretary");
    assertThat(commands).filteredOn(c -> c instanceof AdoptDecision).hasSize(2);
    for (Unit unit : scenario.units()) {
      if (!unit.isDecision()) {
        assertThat(sender.text(unit.paragraphId())).as(unit.key()).isEqualTo(unit.text());
      }
    }
  }

  @Test
  void runAnswersTheHighestPositionReached() {
    RecordingSender sender = new RecordingSender();
    long position = new ScenarioRunner(sender).run(scenario);
    assertThat(position).isEqualTo(sender.sent().size());
  }

  @Test
  void unexpectedStaleConflictFailsNamingTheStep() {
    CommandSender staleOnEveryRevise = command -> {
      if (command instanceof ReviseParagraph) {
        throw new CommandSender.StaleRevision(7, "someone else's text");
      }
      return 1;
    };
    assertThatThrownBy(() -> new ScenarioRunner(staleOnEveryRevise).run(scenario))
        .isInstanceOf(ScenarioRunner.RunFailed.class)
        .hasMessageContaining("step 7 (ReviseParagraph p20 as secretary)")
        .hasMessageContaining("unexpected stale revision");
  }

  @Test
  void expectedConflictThatDoesNotHappenFailsNamingTheStep() {
    CommandSender acceptsEverything = command -> 1;
    assertThatThrownBy(() -> new ScenarioRunner(acceptsEverything).run(scenario))
        .isInstanceOf(ScenarioRunner.RunFailed.class)
        .hasMessageContaining("step 8 (ReviseParagraph p20 as itu)")
        .hasMessageContaining("expected a stale revision conflict");
  }

  @Test
  void rejectionInAParallelBlockFailsTheRunNamingTheStep() {
    CommandSender refusesItu = command -> {
      if (command instanceof DraftParagraph && "itu".equals(command.actor().user())) {
        throw new IllegalStateException("forbidden");
      }
      return 1;
    };
    assertThatThrownBy(() -> new ScenarioRunner(refusesItu).run(scenario))
        .isInstanceOf(ScenarioRunner.RunFailed.class)
        .hasMessageContaining("(DraftParagraph p20 as itu) was rejected: forbidden");
  }

  private Unit unit(String key) {
    return scenario.units().stream().filter(u -> u.key().equals(key)).findFirst().orElseThrow();
  }

  private static String drafter(RecordingSender sender, String key) {
    return sender.commands().stream()
        .filter(c -> c instanceof DraftParagraph)
        .filter(c -> ((DraftParagraph) c).paragraphId().value().equals("un-space-40." + key))
        .map(c -> c.actor().user()).findFirst().orElseThrow();
  }

  @Test
  void theReferenceParagraph24ReachesItsReferenceWordingThroughAnOralAmendmentInSession() {
    RecordingSender sender = new RecordingSender();
    new ScenarioRunner(sender).run(scenario);
    List<ReportCommand> commands = sender.commands();
    Scenario.Unit p24 = scenario.units().stream().filter(u -> u.key().equals("p24")).findFirst().orElseThrow();

    ProposeOralAmendment proposed = commands.stream()
        .filter(c -> c instanceof ProposeOralAmendment).map(ProposeOralAmendment.class::cast).findFirst().orElseThrow();
    assertThat(proposed.paragraphId()).isEqualTo(p24.paragraphId());
    assertThat(proposed.text()).isEqualTo(p24.text());
    assertThat(proposed.proposedBy()).isEqualTo("ESCAP");
    int opened = indexOf(commands, OpenAdoptionSession.class);
    assertThat(indexOf(commands, AcceptOralAmendment.class)).isGreaterThan(opened);
    assertThat(commands.subList(opened, commands.size()))
        .filteredOn(c -> c instanceof AdoptParagraphInSession).hasSize(23);
  }

  @Test
  void theSessionScenarioBracketsInsertsBisAdoptsAdReferendumConfirmsAndCorrects() {
    Scenario session = ScenarioReader.fromClasspath("scenarios/adoption-session.yaml");
    RecordingSender sender = new RecordingSender();
    long position = new ScenarioRunner(sender).run(session);
    List<ReportCommand> commands = sender.commands();

    assertThat(position).isEqualTo(commands.size());
    assertThat(commands).extracting(c -> c.getClass().getSimpleName()).containsSubsequence(
        "OpenAdoptionSession", "BracketParagraph", "ProposeOralAmendment", "AcceptOralAmendment",
        "RecordReservation", "DraftParagraph", "AdoptParagraphInSession", "AdoptReport", "ConfirmReportAdoption",
        "IssueCorrigendum");
    DraftParagraph bis = commands.stream().filter(c -> c instanceof DraftParagraph d
        && d.paragraphId().value().endsWith(".p2bis")).map(DraftParagraph.class::cast).findFirst().orElseThrow();
    assertThat(bis.afterParagraphId().value()).isEqualTo("iamosa-41.p2");
    assertThat(bis.actor().is(Role.CHAIR)).isTrue();
    assertThat(commands).filteredOn(c -> c instanceof AdoptReport).singleElement()
        .satisfies(c -> assertThat(((AdoptReport) c).adReferendum()).isTrue());
    assertThat(commands.get(commands.size() - 1)).isInstanceOfSatisfying(IssueCorrigendum.class,
        c -> assertThat(c.changes().get(0).text()).contains("25 and 26 October 2022"));
  }

  private static int indexOf(List<ReportCommand> commands, Class<?> type) {
    for (int i = 0; i < commands.size(); i++) {
      if (type.isInstance(commands.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
