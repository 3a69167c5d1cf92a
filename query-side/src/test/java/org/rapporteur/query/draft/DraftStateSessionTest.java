package org.rapporteur.query.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.draft.DraftUnit;
import org.rapporteur.shared.draft.ParagraphUnit;
import org.rapporteur.shared.draft.ReportDraft;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.shared.report.ParagraphStatus;
import org.rapporteur.shared.report.ReportStatus;

/** The draft through the adoption session: frozen numbers, "bis" units, oral amendments, after adoption. */
class DraftStateSessionTest {

  /** p1, p2, p3 approved in section intro, then the session opened. */
  private static EventLog inSession() {
    return EventLog.created()
        .section("intro", "I", "Introduction")
        .paragraph("p1", "intro", "One.").approve("p1")
        .paragraph("p2", "intro", "Two.").approve("p2")
        .paragraph("p3", "intro", "Three.").approve("p3")
        .openSession();
  }

  private static List<String> labels(ReportDraft draft) {
    return draft.sections().get(0).paragraphs().stream()
        .map(u -> u.number() == null ? "-" : u.numberSuffix() == null ? u.number().toString() : u.number() + " " + u.numberSuffix())
        .toList();
  }

  @Test
  void unitsInsertedInSessionTakeTheNumberBeforeThemWithTheNextSuffix() {
    ReportDraft draft = DraftState.fold(inSession()
        .paragraphAfter("p1bis", "intro", "p1", "One bis.")
        .paragraphAfter("p1ter", "intro", "p1bis", "One ter.")
        .paragraphAfter("p3bis", "intro", "p3", "Three bis.")
        .events()).toView();

    assertThat(labels(draft)).containsExactly("1", "1 bis", "1 ter", "2", "3", "3 bis");
  }

  @Test
  void aUnitInsertedRightAfterTheNumberTakesTheFirstSuffixNotYetUsed() {
    ReportDraft draft = DraftState.fold(inSession()
        .paragraphAfter("a", "intro", "p1", "A.")
        .paragraphAfter("b", "intro", "p1", "B.")
        .events()).toView();

    assertThat(labels(draft)).containsExactly("1", "1 ter", "1 bis", "2", "3");
  }

  @Test
  void numbersStayFrozenWhenTheMeetingDeletesAParagraphInSession() {
    ReportDraft draft = DraftState.fold(inSession().withdraw("p2").events()).toView();

    assertThat(labels(draft)).containsExactly("1", "-", "3");
  }

  @Test
  void beforeTheSessionAWithdrawalRenumbersWhatFollows() {
    ReportDraft draft = DraftState.fold(EventLog.created()
        .section("intro", "I", "Introduction")
        .paragraph("p1", "intro", "One.").paragraph("p2", "intro", "Two.").paragraph("p3", "intro", "Three.")
        .withdraw("p2").events()).toView();

    assertThat(labels(draft)).containsExactly("1", "-", "2");
  }

  @Test
  void aFoldResumedFromTheStoredViewNumbersTheNextInsertionAlike() {
    EventLog log = inSession().paragraphAfter("p1bis", "intro", "p1", "One bis.");
    ReportDraft stored = DraftState.fold(log.events()).toView();
    ReportDraft roundTripped = ReportEventJson.mapper().convertValue(
        ReportEventJson.mapper().valueToTree(stored), ReportDraft.class);

    EventLog more = log.paragraphAfter("p1ter", "intro", "p1bis", "One ter.").withdraw("p3");
    DraftState resumed = DraftState.from(roundTripped);
    more.events().forEach(resumed::apply);

    assertThat(resumed.toView()).isEqualTo(DraftState.fold(more.events()).toView());
    assertThat(labels(resumed.toView())).containsExactly("1", "1 bis", "1 ter", "2", "-");
  }

  @Test
  void anAcceptedOralAmendmentGivesTheParagraphItsTextAndMarksItOrallyAmended() {
    ReportDraft draft = DraftState.fold(inSession()
        .proposeAmendment("p2", "a1", "Two, as orally amended.", "WMO")
        .acceptAmendment("p2", "a1")
        .events()).toView();

    ParagraphUnit p2 = (ParagraphUnit) draft.sections().get(0).paragraphs().get(1);
    assertThat(p2.text()).isEqualTo("Two, as orally amended.");
    assertThat(p2.orallyAmended()).isTrue();
    assertThat(p2.revision()).isEqualTo(2);
    assertThat(p2.status()).isEqualTo(ParagraphStatus.APPROVED);
    assertThat(p2.oralAmendments()).singleElement().satisfies(a -> {
      assertThat(a.proposedBy()).isEqualTo("WMO");
      assertThat(a.accepted()).isTrue();
    });
  }

  @Test
  void bracketsAdoptionAdReferendumConfirmationAndACorrigendumShowInTheDraft() {
    EventLog log = EventLog.sessionAndAfter();
    List<RecordedEvent> events = log.events();
    ReportDraft now = DraftState.fold(events).toView();
    long corrigendumAt = events.size();

    assertThat(now.status()).isEqualTo(ReportStatus.ADOPTED);
    assertThat(now.reservations()).singleElement().satisfies(r -> assertThat(r.entity()).isEqualTo("WMO"));
    assertThat(now.corrigenda()).singleElement().satisfies(c -> assertThat(c.position()).isEqualTo(corrigendumAt));
    assertThat(unit(now, "p2").text()).isEqualTo("The Meeting welcomed the report with appreciation.");
    assertThat(unit(DraftState.atPosition(events, corrigendumAt - 1), "p2").text())
        .as("the text as adopted").isEqualTo("The Meeting welcomed the report.");
    assertThat(labels(now)).containsExactly("1", "1 bis", "2");
    assertThat(DraftState.atPosition(events, corrigendumAt - 2).status()).isEqualTo(ReportStatus.ADOPTED_AD_REFERENDUM);
  }

  @Test
  void aBracketedParagraphIsBracketedUntilAdopted() {
    ReportDraft draft = DraftState.fold(inSession().bracket("p2").events()).toView();

    assertThat(unit(draft, "p2").status()).isEqualTo(ParagraphStatus.BRACKETED);
    assertThat(DraftState.fold(inSession().bracket("p2").adoptInSession("p2").events()).toView())
        .satisfies(d -> assertThat(unit(d, "p2").status()).isEqualTo(ParagraphStatus.ADOPTED));
  }

  private static ParagraphUnit unit(ReportDraft draft, String id) {
    for (DraftUnit unit : draft.sections().get(0).paragraphs()) {
      if (unit instanceof ParagraphUnit p && p.paragraphId().value().equals(id)) {
        return p;
      }
    }
    throw new AssertionError("no paragraph " + id);
  }
}
