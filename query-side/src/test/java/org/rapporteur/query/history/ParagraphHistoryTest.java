package org.rapporteur.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapporteur.query.draft.EventLog;
import org.rapporteur.shared.draft.DiffSegment;
import org.rapporteur.shared.draft.DiffSegment.Operation;
import org.rapporteur.shared.draft.ParagraphRevisionView;
import org.rapporteur.shared.draft.StatusChange;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphStatus;

class ParagraphHistoryTest {

  private static final ParagraphId P1 = ParagraphId.of("p1");

  @Test
  void eachRevisionHasItsAuthorTimeAndText() {
    EventLog log = EventLog.created().section("s1", "I", "Introduction")
        .paragraph("p1", "s1", "The meeting noted the report.")
        .paragraph("p2", "s1", "Another paragraph.")
        .revise("p1", "The meeting welcomed the report.", false, EventLog.SECRETARY);

    List<ParagraphRevisionView> history = ParagraphHistory.of(P1, log.events());

    assertThat(history).extracting(ParagraphRevisionView::revision, ParagraphRevisionView::text,
        ParagraphRevisionView::author, ParagraphRevisionView::at).containsExactly(
            tuple(1, "The meeting noted the report.", EventLog.ITU, log.at(3).timestamp()),
            tuple(2, "The meeting welcomed the report.", EventLog.SECRETARY, log.at(5).timestamp()));
  }

  @Test
  void firstRevisionDiffInsertsItsWholeText() {
    EventLog log = EventLog.created().section("s1", "I", "Introduction")
        .paragraph("p1", "s1", "The meeting noted the report.");

    assertThat(ParagraphHistory.of(P1, log.events()).get(0).diff())
        .containsExactly(new DiffSegment(Operation.INSERT, "The meeting noted the report."));
  }

  @Test
  void laterRevisionDiffsAgainstTheOneBefore() {
    EventLog log = EventLog.created().section("s1", "I", "Introduction")
        .paragraph("p1", "s1", "The meeting noted the report.")
        .revise("p1", "The meeting welcomed the report.");

    assertThat(ParagraphHistory.of(P1, log.events()).get(1).diff())
        .extracting(DiffSegment::op, DiffSegment::text).containsExactly(
            tuple(Operation.EQUAL, "The meeting "), tuple(Operation.DELETE, "noted"),
            tuple(Operation.INSERT, "welcomed"), tuple(Operation.EQUAL, " the report."));
  }

  @Test
  void statusChangesBelongToTheRevisionThatWasCurrent() {
    EventLog log = EventLog.created().section("s1", "I", "Introduction")
        .paragraph("p1", "s1", "one").submit("p1").returnWith("p1", "Cite resolution 76/76.")
        .revise("p1", "one, citing 76/76").submit("p1").approve("p1")
        .revise("p1", "one, citing resolution 76/76", true, EventLog.SECRETARY)
        .withdraw("p1");

    List<ParagraphRevisionView> history = ParagraphHistory.of(P1, log.events());

    assertThat(history.get(0).statusChanges())
        .extracting(StatusChange::status, StatusChange::revision, StatusChange::actor,
            StatusChange::comment)
        .containsExactly(
            tuple(ParagraphStatus.SUBMITTED, 1, EventLog.ITU, null),
            tuple(ParagraphStatus.RETURNED, 1, EventLog.CHAIR, "Cite resolution 76/76."));
    assertThat(history.get(1).statusChanges()).extracting(StatusChange::status)
        .containsExactly(ParagraphStatus.SUBMITTED, ParagraphStatus.APPROVED);
    assertThat(history.get(2).statusChanges())
        .extracting(StatusChange::status, StatusChange::revision, StatusChange::actor)
        .containsExactly(
            tuple(ParagraphStatus.DRAFT, 3, EventLog.SECRETARY),
            tuple(ParagraphStatus.WITHDRAWN, 3, EventLog.ITU));
    assertThat(history.get(2).statusChanges().get(0).at()).isEqualTo(log.at(9).timestamp());
  }

  @Test
  void otherParagraphsEventsAreIgnored() {
    EventLog log = EventLog.created().section("s1", "I", "Introduction")
        .paragraph("p1", "s1", "one").paragraph("p2", "s1", "two").submit("p2")
        .revise("p2", "two, again");

    List<ParagraphRevisionView> history = ParagraphHistory.of(P1, log.events());

    assertThat(history).hasSize(1);
    assertThat(history.get(0).statusChanges()).isEmpty();
  }

  @Test
  void unknownParagraphHasNoHistory() {
    assertThat(ParagraphHistory.of(ParagraphId.of("nope"), EventLog.created().events())).isEmpty();
  }
}
