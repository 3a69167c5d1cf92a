package org.rapporteur.command.report;

import static org.rapporteur.command.report.ReportFixtures.*;
import static org.rapporteur.command.report.Violations.conflict;
import static org.rapporteur.command.report.Violations.forbidden;
import static org.rapporteur.command.report.Violations.invalid;
import static org.rapporteur.command.report.Violations.notFound;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.report.AddParticipant;
import org.rapporteur.shared.report.AddSection;
import org.rapporteur.shared.report.AgendaItemWithdrawn;
import org.rapporteur.shared.report.ParticipantAdded;
import org.rapporteur.shared.report.ParticipantId;
import org.rapporteur.shared.report.ParticipantRemoved;
import org.rapporteur.shared.report.ParticipantRole;
import org.rapporteur.shared.report.RemoveParticipant;
import org.rapporteur.shared.report.SectionAdded;

class SectionsAndParticipantsTest {

  private static final ParticipantId PARTICIPANT = ParticipantId.of("p-1");

  private AggregateTestFixture<Report> fixture;

  @BeforeEach
  void setUp() {
    fixture = newFixture();
  }

  @Test
  void secretaryLaysOutASectionCoveringAgendaItemsAfterAnother() {
    fixture
        .given(created(), itemProposed(ITEM_1, null), sectionAdded(INTRO))
        .when(new AddSection(REPORT, PROCEEDINGS, "II", "Summary of proceedings", List.of(ITEM_1), INTRO, SECRETARY))
        .expectEvents(
            new SectionAdded(REPORT, PROCEEDINGS, "II", "Summary of proceedings", List.of(ITEM_1), INTRO,
                SECRETARY, fixture.currentTime()))
        .expectResultMessagePayload(4L);
  }

  @Test
  void delegateCannotLayOutSections() {
    fixture.given(created(), member(ITU), member(WMO))
        .when(new AddSection(REPORT, INTRO, "I", "Introduction", List.of(), null, ITU))
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void chapterMustBeARomanNumeral() {
    fixture.given(created())
        .when(new AddSection(REPORT, INTRO, "2", "Introduction", List.of(), null, SECRETARY))
        .expectException(invalid("invalid-chapter"));
  }

  @Test
  void sectionTitleMustNotBeBlank() {
    fixture.given(created())
        .when(new AddSection(REPORT, INTRO, "I", "", List.of(), null, SECRETARY))
        .expectException(invalid("blank-text"));
  }

  @Test
  void sectionCannotFollowASectionOfNoReport() {
    fixture.given(created())
        .when(new AddSection(REPORT, PROCEEDINGS, "II", "Proceedings", List.of(), INTRO, SECRETARY))
        .expectException(invalid("unknown-reference"));
  }

  @Test
  void sectionCannotCoverAnUnknownAgendaItem() {
    fixture.given(created())
        .when(new AddSection(REPORT, INTRO, "I", "Introduction", List.of(ITEM_1), null, SECRETARY))
        .expectException(invalid("unknown-reference"));
  }

  @Test
  void sectionCannotCoverAWithdrawnAgendaItem() {
    fixture.given(created(), itemProposed(ITEM_1, null), new AgendaItemWithdrawn(REPORT, ITEM_1, SECRETARY, EARLIER))
        .when(new AddSection(REPORT, INTRO, "I", "Introduction", List.of(ITEM_1), null, SECRETARY))
        .expectException(invalid("unknown-reference"));
  }

  @Test
  void secretaryAddsAParticipant() {
    fixture.given(created())
        .when(new AddParticipant(REPORT, PARTICIPANT, "ITU", "Ms. A. Example", ParticipantRole.REPRESENTATIVE, SECRETARY))
        .expectEvents(new ParticipantAdded(REPORT, PARTICIPANT, "ITU", "Ms. A. Example",
            ParticipantRole.REPRESENTATIVE, SECRETARY, fixture.currentTime()))
        .expectResultMessagePayload(2L);
  }

  @Test
  void participantNeedsAName() {
    fixture.given(created())
        .when(new AddParticipant(REPORT, PARTICIPANT, "ITU", " ", ParticipantRole.REPRESENTATIVE, SECRETARY))
        .expectException(invalid("blank-text"));
  }

  @Test
  void participantNeedsAnEntity() {
    fixture.given(created())
        .when(new AddParticipant(REPORT, PARTICIPANT, null, "Ms. A. Example", ParticipantRole.REPRESENTATIVE, SECRETARY))
        .expectException(invalid("blank-text"));
  }

  @Test
  void participantNeedsARole() {
    fixture.given(created())
        .when(new AddParticipant(REPORT, PARTICIPANT, "ITU", "Ms. A. Example", null, SECRETARY))
        .expectException(invalid("missing-field"));
  }

  @Test
  void delegateCannotAddParticipants() {
    fixture.given(created(), member(ITU), member(WMO))
        .when(new AddParticipant(REPORT, PARTICIPANT, "ITU", "Ms. A. Example", ParticipantRole.REPRESENTATIVE, ITU))
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void secretaryRemovesAParticipant() {
    fixture.given(created(), participantAdded())
        .when(new RemoveParticipant(REPORT, PARTICIPANT, SECRETARY))
        .expectEvents(new ParticipantRemoved(REPORT, PARTICIPANT, SECRETARY, fixture.currentTime()))
        .expectResultMessagePayload(3L);
  }

  @Test
  void removingAnUnknownParticipantIsNotFound() {
    fixture.given(created())
        .when(new RemoveParticipant(REPORT, PARTICIPANT, SECRETARY))
        .expectException(notFound("unknown-participant"));
  }

  @Test
  void removingARemovedParticipantIsNotFound() {
    fixture.given(created(), participantAdded(), new ParticipantRemoved(REPORT, PARTICIPANT, SECRETARY, EARLIER))
        .when(new RemoveParticipant(REPORT, PARTICIPANT, SECRETARY))
        .expectException(notFound("unknown-participant"));
  }

  @Test
  void participantIdAlreadyListedIsAConflict() {
    fixture.given(created(), participantAdded())
        .when(new AddParticipant(REPORT, PARTICIPANT, "WMO", "Mr. B. Example", ParticipantRole.REPRESENTATIVE, SECRETARY))
        .expectException(conflict("duplicate-id"));
  }

  private static ParticipantAdded participantAdded() {
    return new ParticipantAdded(REPORT, PARTICIPANT, "ITU", "Ms. A. Example", ParticipantRole.REPRESENTATIVE, SECRETARY, EARLIER);
  }
}
