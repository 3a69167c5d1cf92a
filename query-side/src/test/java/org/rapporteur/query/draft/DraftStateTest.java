package org.rapporteur.query.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.draft.AgendaItemView;
import org.rapporteur.shared.draft.DecisionUnit;
import org.rapporteur.shared.draft.DecisionView;
import org.rapporteur.shared.draft.DraftUnit;
import org.rapporteur.shared.draft.ParagraphUnit;
import org.rapporteur.shared.draft.ReportDraft;
import org.rapporteur.shared.draft.SectionView;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.shared.report.AgendaItemStatus;
import org.rapporteur.shared.report.DecisionKind;
import org.rapporteur.shared.report.DecisionStatus;
import org.rapporteur.shared.report.ParagraphStatus;
import org.rapporteur.shared.report.ParticipantRole;
import org.rapporteur.shared.report.ReportCreated;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.ReportStatus;

class DraftStateTest {

  @Test
  void headerComesFromTheReportCreatedWithItsFootnotes() {
    ReportDraft draft = DraftState.fold(EventLog.created().events()).toView();

    assertThat(draft.reportId()).isEqualTo(EventLog.REPORT);
    assertThat(draft.body()).isEqualTo("Inter-Agency Meeting on Outer Space Activities");
    assertThat(draft.sessionNumber()).isEqualTo(40);
    assertThat(draft.language()).isEqualTo("zh");
    assertThat(draft.parentAgendaItem()).isEqualTo("13");
    assertThat(draft.footnotes()).containsExactly("A/AC.105/L.327.");
    assertThat(draft.status()).isEqualTo(ReportStatus.DRAFT);
    assertThat(draft.position()).isEqualTo(1);
  }

  @Test
  void adoptingTheReportMarksItAdopted() {
    ReportDraft draft = DraftState.fold(EventLog.created().adoptReport().events()).toView();

    assertThat(draft.status()).isEqualTo(ReportStatus.ADOPTED);
    assertThat(draft.position()).isEqualTo(2);
  }

  @Test
  void agendaItemsArePlacedAfterTheirAnchorOrLast() {
    ReportDraft draft = DraftState.fold(EventLog.created()
        .item("i1", "Opening").item("i3", "Publications").itemAfter("i2", "Agenda", "i1")
        .itemAfter("i4", "Other business", "nowhere").events()).toView();

    assertThat(draft.agenda()).extracting(a -> a.itemId().value())
        .containsExactly("i1", "i2", "i3", "i4");
  }

  @Test
  void agendaIsNumberedProvisionallyOverLiveItemsUntilAdopted() {
    ReportDraft draft = DraftState.fold(EventLog.created()
        .item("i1", "Opening").item("i2", "Agenda").item("i3", "Publications")
        .withdrawItem("i2").amendItem("i3", "Publications of UN-Space").events()).toView();

    assertThat(draft.agenda()).extracting(AgendaItemView::number, AgendaItemView::title,
        AgendaItemView::status).containsExactly(
            tuple(1, "Opening", AgendaItemStatus.PROPOSED),
            tuple(null, "Agenda", AgendaItemStatus.WITHDRAWN),
            tuple(2, "Publications of UN-Space", AgendaItemStatus.PROPOSED));
  }

  @Test
  void adoptedAgendaTakesTheNumbersOfTheAdoption() {
    ReportDraft draft = DraftState.fold(EventLog.created()
        .item("i1", "Opening").item("i2", "Agenda").item("i3", "Publications")
        .withdrawItem("i2").adoptAgenda("i1", "i3").events()).toView();

    assertThat(draft.agenda()).extracting(AgendaItemView::number, AgendaItemView::status)
        .containsExactly(tuple(1, AgendaItemStatus.ADOPTED), tuple(null, AgendaItemStatus.WITHDRAWN),
            tuple(2, AgendaItemStatus.ADOPTED));
  }

  @Test
  void sectionsArePlacedAfterTheirAnchorOrLast() {
    ReportDraft draft = DraftState.fold(EventLog.created()
        .section("s1", "I", "Introduction").section("s3", "II", "Summary")
        .sectionAfter("s2", "I", "Background", "s1").events()).toView();

    assertThat(draft.sections()).extracting(s -> s.sectionId().value())
        .containsExactly("s1", "s2", "s3");
  }

  @Test
  void chapterHeadingSectionTakesNoLetter() {
    ReportDraft draft = DraftState.fold(EventLog.created().item("i1", "Opening").item("i2", "Agenda")
        .section("intro", "I", "Introduction")
        .section("summary", "II", "Summary of proceedings")
        .section("a", "II", "Opening of the session", "i1")
        .section("b", "II", "Adoption of the agenda", "i2")
        .section("c", "II", "Closing").events()).toView();

    assertThat(draft.sections()).extracting(SectionView::chapter, SectionView::letter)
        .containsExactly(tuple("I", null), tuple("II", null), tuple("II", "A"), tuple("II", "B"),
            tuple("II", "C"));
  }

  @Test
  void chapterWhoseFirstSectionCoversAnItemHasNoHeadingSection() {
    ReportDraft draft = DraftState.fold(EventLog.created().item("i1", "Opening")
        .section("a", "III", "Opening", "i1").section("b", "III", "Closing").events()).toView();

    assertThat(draft.sections()).extracting(SectionView::letter).containsExactly("A", "B");
  }

  @Test
  void paragraphsArePlacedAfterTheirAnchorOrLastAndNumberedAcrossSections() {
    ReportDraft draft = DraftState.fold(EventLog.created()
        .section("s1", "I", "Introduction").section("s2", "II", "Summary")
        .paragraph("p1", "s1", "one").paragraph("p3", "s1", "three")
        .paragraph("p4", "s2", "four").paragraphAfter("p2", "s1", "p1", "two")
        .paragraphAfter("p5", "s2", "p1", "anchor in another section: last").events()).toView();

    assertThat(units(draft)).extracting(DraftStateTest::id, DraftUnit::number).containsExactly(
        tuple("p1", 1), tuple("p2", 2), tuple("p3", 3), tuple("p4", 4), tuple("p5", 5));
    assertThat(draft.sections().get(1).paragraphs()).hasSize(2);
  }

  @Test
  void withdrawnParagraphKeepsItsPlaceButTakesNoNumber() {
    ReportDraft draft = DraftState.fold(EventLog.created().section("s1", "I", "Introduction")
        .paragraph("p1", "s1", "one").paragraph("p2", "s1", "two").paragraph("p3", "s1", "three")
        .withdraw("p2").events()).toView();

    assertThat(units(draft)).extracting(DraftStateTest::id, DraftUnit::number)
        .containsExactly(tuple("p1", 1), tuple("p2", null), tuple("p3", 2));
    assertThat(((ParagraphUnit) units(draft).get(1)).status()).isEqualTo(ParagraphStatus.WITHDRAWN);
  }

  @Test
  void decisionsAreNumberedAmongTheParagraphsOfTheirSection() {
    ReportDraft draft = DraftState.fold(EventLog.created()
        .section("s1", "II", "Publications", "i1").section("s2", "II", "Any other business")
        .paragraph("p1", "s1", "one").paragraph("p3", "s2", "three")
        .decision("d1", "s1", DecisionKind.AGREED, "The meeting agreed ...")
        .paragraph("p2", "s1", "two, drafted after the decision")
        .adoptDecision("d1").events()).toView();

    assertThat(units(draft)).extracting(DraftStateTest::id, DraftUnit::number).containsExactly(
        tuple("p1", 1), tuple("d1", 2), tuple("p2", 3), tuple("p3", 4));
    DecisionUnit unit = (DecisionUnit) units(draft).get(1);
    assertThat(unit.kind()).isEqualTo(DecisionKind.AGREED);
    assertThat(unit.status()).isEqualTo(DecisionStatus.ADOPTED);
    assertThat(unit.authorEntity()).isEqualTo("ITU");
    assertThat(draft.decisions()).extracting(d -> d.decisionId().value(), DecisionView::number,
        d -> d.sectionId().value(), DecisionView::status)
        .containsExactly(tuple("d1", 2, "s1", DecisionStatus.ADOPTED));
  }

  @Test
  void paragraphFollowsItsApprovalWorkflow() {
    EventLog log = EventLog.created().section("s1", "I", "Introduction")
        .paragraph("p1", "s1", "one");
    assertThat(paragraph(log, 0).status()).isEqualTo(ParagraphStatus.DRAFT);
    assertThat(paragraph(log.submit("p1"), 0).status()).isEqualTo(ParagraphStatus.SUBMITTED);
    assertThat(paragraph(log.returnWith("p1", "cite the resolution"), 0).status())
        .isEqualTo(ParagraphStatus.RETURNED);
    ParagraphUnit revised = paragraph(log.revise("p1", "one, citing 76/76"), 0);
    assertThat(revised.status()).isEqualTo(ParagraphStatus.DRAFT);
    assertThat(revised.revision()).isEqualTo(2);
    assertThat(revised.text()).isEqualTo("one, citing 76/76");
    assertThat(paragraph(log.submit("p1").approve("p1"), 0).status())
        .isEqualTo(ParagraphStatus.APPROVED);
  }

  @Test
  void revisingAnApprovedParagraphSendsItBackToDraft() {
    EventLog log = EventLog.created().section("s1", "I", "Introduction")
        .paragraph("p1", "s1", "one").submit("p1").approve("p1")
        .revise("p1", "one, changed", true, EventLog.SECRETARY);

    ParagraphUnit unit = paragraph(log, 0);
    assertThat(unit.status()).isEqualTo(ParagraphStatus.DRAFT);
    assertThat(unit.revision()).isEqualTo(2);
    assertThat(unit.authorEntity()).isEqualTo("ITU");
  }

  @Test
  void participantsStayInOrderOfAdditionAndRemovedOnesLeave() {
    ReportDraft draft = DraftState.fold(EventLog.created()
        .participant("chair", "OOSA", "N. Hedman", ParticipantRole.CHAIR)
        .participant("sec", "OOSA", "A. Duysenhanova", ParticipantRole.SECRETARY)
        .participant("itu1", "ITU", "Someone", ParticipantRole.REPRESENTATIVE)
        .removeParticipant("sec").events()).toView();

    assertThat(draft.participants()).extracting(p -> p.participantId().value())
        .containsExactly("chair", "itu1");
  }

  @Test
  void duplicateDeliveryChangesNothing() {
    EventLog log = EventLog.created().section("s1", "I", "Introduction")
        .paragraph("p1", "s1", "one").withdraw("p1");
    DraftState state = DraftState.fold(log.events());
    ReportDraft before = state.toView();

    assertThat(state.apply(log.at(3))).isFalse();
    assertThat(state.apply(log.at(1))).isFalse();
    assertThat(state.toView()).isEqualTo(before);
    assertThat(state.position()).isEqualTo(4);
  }

  @Test
  void applyingTheNextPositionReportsTrue() {
    EventLog log = EventLog.created().section("s1", "I", "Introduction");
    DraftState state = DraftState.empty();

    assertThat(state.position()).isZero();
    assertThat(state.apply(log.at(1))).isTrue();
    assertThat(state.apply(log.at(2))).isTrue();
    assertThat(state.position()).isEqualTo(2);
  }

  @Test
  void aGapInPositionsIsRefused() {
    EventLog log = EventLog.created().section("s1", "I", "Introduction")
        .paragraph("p1", "s1", "one");
    DraftState state = DraftState.empty();
    state.apply(log.at(1));
    ReportDraft before = state.toView();

    assertThatThrownBy(() -> state.apply(log.at(3)))
        .isInstanceOf(PositionGapException.class)
        .hasMessageContaining("expected the event at position 2")
        .hasMessageContaining("received position 3");
    assertThat(state.toView()).isEqualTo(before);
  }

  @Test
  void anEventOfAnotherReportIsRefused() {
    DraftState state = DraftState.fold(EventLog.created().events());
    ReportCreated other = new ReportCreated(ReportId.of("other"), null, EventLog.SECRETARY,
        EventLog.START);

    assertThatThrownBy(() -> state.apply(new RecordedEvent(2, "x", EventLog.START, other)))
        .isInstanceOf(ForeignEventException.class).hasMessageContaining("other");
  }

  @Test
  void storedViewResumesToTheSameView() {
    ReportDraft view = DraftState.fold(richLog().events()).toView();

    assertThat(DraftState.from(view).toView()).isEqualTo(view);
  }

  @Test
  void storedJsonOfTheViewIsEnoughToResume() throws Exception {
    List<RecordedEvent> events = richLog().events();
    ObjectMapper json = ReportEventJson.newObjectMapper();
    ReportDraft stored = DraftState.fold(events.subList(0, 20)).toView();

    ReportDraft loaded = json.readValue(json.writeValueAsBytes(stored), ReportDraft.class);
    DraftState resumed = DraftState.from(loaded);
    events.subList(20, events.size()).forEach(resumed::apply);

    assertThat(loaded).isEqualTo(stored);
    assertThat(resumed.toView()).isEqualTo(DraftState.fold(events).toView());
  }

  @Test
  void resumedStateFoldsLikeTheOriginal() {
    List<RecordedEvent> events = richLog().events();
    for (int cut = 0; cut <= events.size(); cut++) {
      DraftState resumed = DraftState.from(DraftState.fold(events.subList(0, cut)).toView());
      events.subList(cut, events.size()).forEach(resumed::apply);

      assertThat(resumed.toView()).as("resumed after position %d", cut)
          .isEqualTo(DraftState.fold(events).toView());
    }
  }

  @Test
  void resumedStateSkipsWhatTheStoredViewAlreadyHolds() {
    List<RecordedEvent> events = richLog().events();
    DraftState resumed = DraftState.from(DraftState.fold(events.subList(0, 10)).toView());

    events.forEach(resumed::apply);

    assertThat(resumed.toView()).isEqualTo(DraftState.fold(events).toView());
  }

  @Test
  void timeTravelIsTheFoldOfAPrefix() {
    EventLog log = richLog();
    List<RecordedEvent> events = log.events();

    for (int position = 0; position <= events.size(); position++) {
      ReportDraft prefix = DraftState.fold(events.subList(0, position)).toView();
      assertThat(DraftState.atPosition(events, position)).isEqualTo(prefix);
      if (position > 0) {
        assertThat(DraftState.asOf(events, log.at(position).timestamp())).isEqualTo(prefix);
      }
    }
  }

  @Test
  void referenceStructureIsNumberedOneToTwentyFiveWithLettersAToH() {
    EventLog log = EventLog.created();
    for (int i = 1; i <= 9; i++) {
      log.item("i" + i, "Item " + i);
    }
    log.adoptAgenda("i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8", "i9")
        .section("intro", "I", "Introduction")
        .section("summary", "II", "Summary of proceedings")
        .section("A", "II", "Opening of the session", "i1")
        .section("B", "II", "Adoption of the agenda", "i2")
        .section("C", "II", "Update on the Space2030 Agenda", "i3")
        .section("D", "II", "Report of the Secretary-General and special report", "i4", "i5")
        .section("E", "II", "Publications", "i6")
        .section("F", "II", "Coordination of future plans", "i7")
        .section("G", "II", "Arrangements for the open session", "i8")
        .section("H", "II", "Any other business", "i9");
    // Paragraphs per section as in the reference: I 1-4, A 5, B 6, C 7-8, D 9-16, E 17-19,
    // F 20, G 21-22, H 23-25.
    String[] sections = {"intro", "A", "B", "C", "D", "E", "F", "G", "H"};
    int[] counts = {4, 1, 1, 2, 8, 3, 1, 2, 3};
    int n = 0;
    for (int s = 0; s < sections.length; s++) {
      for (int i = 0; i < counts[s]; i++) {
        n++;
        log.paragraph("p" + n, sections[s], "Paragraph " + n);
      }
    }

    ReportDraft draft = DraftState.fold(log.events()).toView();

    assertThat(draft.sections()).extracting(SectionView::letter).containsExactly(
        null, null, "A", "B", "C", "D", "E", "F", "G", "H");
    assertThat(units(draft)).extracting(DraftUnit::number)
        .containsExactly(rangeClosed(1, 25));
    assertThat(draft.sections().get(5).agendaItemIds()).extracting(Object::toString)
        .containsExactly("i4", "i5");
    assertThat(draft.sections().get(5).paragraphs()).extracting(DraftUnit::number)
        .containsExactly(9, 10, 11, 12, 13, 14, 15, 16);
    assertThat(draft.agenda()).extracting(AgendaItemView::number)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void thousandsOfParagraphsFoldAndRenderInLinearTime() {
    EventLog log = EventLog.created().section("s1", "II", "Summary").section("s2", "II", "More");
    for (int i = 1; i <= 5000; i++) {
      log.paragraph("p" + i, i % 2 == 0 ? "s1" : "s2", "Paragraph " + i);
    }
    DraftState state = DraftState.fold(log.events());

    ReportDraft draft = state.toView();

    assertThat(units(draft)).hasSize(5000);
    assertThat(units(draft).get(4999).number()).isEqualTo(5000);
  }

  /** A stream that touches every kind of event, for the resume and time-travel properties. */
  private static EventLog richLog() {
    return EventLog.created()
        .item("i1", "Opening").item("i2", "Agenda").itemAfter("i0", "Preliminaries", null)
        .amendItem("i2", "Adoption of the agenda").withdrawItem("i0")
        .section("intro", "I", "Introduction").section("summary", "II", "Summary of proceedings")
        .section("a", "II", "Opening", "i1").sectionAfter("b", "II", "Agenda", "a", "i2")
        .participant("chair", "OOSA", "N. Hedman", ParticipantRole.CHAIR)
        .participant("itu1", "ITU", "Someone", ParticipantRole.REPRESENTATIVE)
        .paragraph("p1", "intro", "First.").paragraph("p2", "a", "Opening.")
        .paragraphAfter("p0", "intro", "p1", "Second.")
        .decision("d1", "a", DecisionKind.NOTED, "The meeting noted ...")
        .adoptAgenda("i1", "i2")
        .submit("p1").approve("p1").revise("p1", "First, revised.", true, EventLog.SECRETARY)
        .submit("p2").returnWith("p2", "Too long").revise("p2", "Opening, shorter.")
        .withdraw("p0").removeParticipant("itu1").adoptDecision("d1")
        .submit("p1").submit("p2").approve("p1").approve("p2").adoptReport();
  }

  private static List<DraftUnit> units(ReportDraft draft) {
    List<DraftUnit> units = new ArrayList<>();
    draft.sections().forEach(section -> units.addAll(section.paragraphs()));
    return units;
  }

  private static ParagraphUnit paragraph(EventLog log, int index) {
    return (ParagraphUnit) units(DraftState.fold(log.events()).toView()).get(index);
  }

  private static String id(DraftUnit unit) {
    return unit instanceof ParagraphUnit p ? p.paragraphId().value()
        : ((DecisionUnit) unit).decisionId().value();
  }

  private static Integer[] rangeClosed(int from, int to) {
    Integer[] numbers = new Integer[to - from + 1];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = from + i;
    }
    return numbers;
  }
}
