package org.rapporteur.query.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.query.draft.EventLog.START;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.draft.MemberView;
import org.rapporteur.shared.draft.ReportDraft;
import org.rapporteur.shared.json.ReportEventJson;

/** The draft's member entities: added, removed, and implied for reports written before members existed. */
class DraftMembersTest {

  @Test
  void theDraftCarriesItsMembersInCodeOrderWithTheInstantEachJoined() {
    ReportDraft draft = DraftState.fold(EventLog.created().member("WMO").member("ITU").member("OOSA")
        .removeMember("OOSA").events()).toView();

    assertThat(draft.memberEntities()).containsExactly("ITU", "WMO");
    assertThat(draft.members()).containsExactly(
        new MemberView("ITU", START.plus(Duration.ofMinutes(2))),
        new MemberView("WMO", START.plus(Duration.ofMinutes(1))));
  }

  @Test
  void aReportWrittenBeforeMembersExistedTakesTheEntitiesWhoseDelegatesDraftedInIt() {
    // EventLog's paragraphs and decisions are ITU's delegate's; the secretary adds the rest.
    EventLog log = EventLog.created().section("intro", "I", "Introduction")
        .participant("wmo", "WMO", "World Meteorological Organization", org.rapporteur.shared.report.ParticipantRole.REPRESENTATIVE)
        .paragraph("p1", "intro", "Words.").paragraph("p2", "intro", "More words.");

    ReportDraft draft = DraftState.fold(log.events()).toView();

    assertThat(draft.memberEntities()).containsExactly("ITU");
    assertThat(draft.members().get(0).since()).isEqualTo(log.events().get(3).timestamp());
  }

  @Test
  void anImpliedMemberCanBeRemoved() {
    EventLog log = EventLog.created().section("intro", "I", "Introduction").paragraph("p1", "intro", "Words.")
        .removeMember("ITU");

    assertThat(DraftState.fold(log.events()).toView().memberEntities()).isEmpty();
  }

  @Test
  void membersSurviveTheStoredDraftThatTheFoldResumesFrom() throws Exception {
    List<RecordedEvent> events = EventLog.created().member("WMO").events();
    String stored = ReportEventJson.mapper().writeValueAsString(DraftState.fold(events).toView());

    DraftState resumed = DraftState.from(ReportEventJson.mapper().readValue(stored, ReportDraft.class));

    assertThat(resumed.toView().members()).isEqualTo(DraftState.fold(events).toView().members());
  }
}
