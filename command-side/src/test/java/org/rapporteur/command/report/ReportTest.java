package org.rapporteur.command.report;

import static org.rapporteur.command.report.ReportFixtures.*;
import static org.rapporteur.command.report.Violations.conflict;
import static org.rapporteur.command.report.Violations.forbidden;
import static org.rapporteur.command.report.Violations.invalid;

import java.util.Collections;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.report.AdoptReport;
import org.rapporteur.shared.report.CreateReport;
import org.rapporteur.shared.report.DecisionAdopted;
import org.rapporteur.shared.report.DraftParagraph;
import org.rapporteur.shared.report.ParagraphWithdrawn;
import org.rapporteur.shared.report.ProposeAgendaItem;
import org.rapporteur.shared.report.ReportAdopted;
import org.rapporteur.shared.report.ReportCreated;
import org.rapporteur.shared.report.ReportHeader;
import org.rapporteur.shared.report.ReviseParagraph;

class ReportTest {

  private AggregateTestFixture<Report> fixture;

  @BeforeEach
  void setUp() {
    fixture = ReportFixtures.newFixture();
  }

  // ---- report --------------------------------------------------------------------------------

  @Test
  void secretaryOpensAReportAtPositionOneAtTheAcceptanceTime() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateReport(REPORT, header(), SECRETARY))
        .expectEvents(new ReportCreated(REPORT, header(), SECRETARY, fixture.currentTime()))
        .expectResultMessagePayload(1L);
  }

  @Test
  void delegateCannotOpenAReport() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateReport(REPORT, header(), ITU))
        .expectNoEvents()
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void headerWithoutTitleIsInvalid() {
    ReportHeader h = header();
    ReportHeader untitled =
        new ReportHeader(h.body(), h.sessionNumber(), " ", h.venue(), h.startDate(), h.endDate(),
            h.language(), null, null, null, null);
    fixture.givenNoPriorActivity().when(new CreateReport(REPORT, untitled, SECRETARY))
        .expectException(invalid("blank-text"));
  }

  @Test
  void headerWithTooLongTitleIsInvalid() {
    ReportHeader h = header();
    ReportHeader longTitle =
        new ReportHeader(h.body(), h.sessionNumber(), "t".repeat(501), h.venue(), h.startDate(),
            h.endDate(), h.language(), null, null, null, null);
    fixture.givenNoPriorActivity().when(new CreateReport(REPORT, longTitle, SECRETARY))
        .expectException(invalid("text-too-long"));
  }

  @Test
  void headerWithAControlCharacterInAnOptionalFieldIsInvalid() {
    ReportHeader h = header();
    ReportHeader bell =
        new ReportHeader(h.body(), h.sessionNumber(), h.title(), h.venue(), h.startDate(), h.endDate(),
            h.language(), "General Assembly\u0007", null, null, null);
    fixture.givenNoPriorActivity().when(new CreateReport(REPORT, bell, SECRETARY))
        .expectNoEvents()
        .expectException(invalid("invalid-character"));
  }

  @Test
  void headerWithATooLongSymbolOrFootnoteIsInvalid() {
    ReportHeader h = header();
    ReportHeader longSymbol =
        new ReportHeader(h.body(), h.sessionNumber(), h.title(), h.venue(), h.startDate(), h.endDate(),
            h.language(), null, null, "A/".repeat(51), null);
    fixture.givenNoPriorActivity().when(new CreateReport(REPORT, longSymbol, SECRETARY))
        .expectException(invalid("text-too-long"));
    ReportHeader longFootnote =
        new ReportHeader(h.body(), h.sessionNumber(), h.title(), h.venue(), h.startDate(), h.endDate(),
            h.language(), null, null, null, List.of("note", "n".repeat(20_001)));
    fixture.givenNoPriorActivity().when(new CreateReport(REPORT, longFootnote, SECRETARY))
        .expectException(invalid("text-too-long"));
  }

  @Test
  void headerWithMoreThanTwentyFootnotesIsInvalid() {
    ReportHeader h = header();
    ReportHeader notes =
        new ReportHeader(h.body(), h.sessionNumber(), h.title(), h.venue(), h.startDate(), h.endDate(),
            h.language(), null, null, null, Collections.nCopies(21, "note"));
    fixture.givenNoPriorActivity().when(new CreateReport(REPORT, notes, SECRETARY))
        .expectException(invalid("too-many-footnotes"));
  }

  @Test
  void headerWithNonPositiveSessionIsInvalid() {
    ReportHeader h = header();
    ReportHeader noSession =
        new ReportHeader(h.body(), 0, h.title(), h.venue(), h.startDate(), h.endDate(),
            h.language(), null, null, null, null);
    fixture.givenNoPriorActivity().when(new CreateReport(REPORT, noSession, SECRETARY))
        .expectException(invalid("invalid-session-number"));
  }

  @Test
  void headerEndingBeforeItStartsIsInvalid() {
    ReportHeader h = header();
    ReportHeader backwards =
        new ReportHeader(h.body(), h.sessionNumber(), h.title(), h.venue(), h.endDate(), h.startDate(),
            h.language(), null, null, null, null);
    fixture.givenNoPriorActivity().when(new CreateReport(REPORT, backwards, SECRETARY))
        .expectException(invalid("invalid-dates"));
  }

  @Test
  void headerWithoutEndDateIsInvalid() {
    ReportHeader h = header();
    ReportHeader open =
        new ReportHeader(h.body(), h.sessionNumber(), h.title(), h.venue(), h.startDate(), null,
            h.language(), null, null, null, null);
    fixture.givenNoPriorActivity().when(new CreateReport(REPORT, open, SECRETARY))
        .expectException(invalid("missing-field"));
  }

  @Test
  void chairAdoptsAReportWhoseUnitsAreAllApprovedOrAdoptedNamingTheHeadHashItAdopted() {
    fixture
        .given(concat(ituParagraph(), approved(PARA, 1), decisionProposed(DECISION),
            new DecisionAdopted(REPORT, DECISION, CHAIR, EARLIER)))
        .when(new AdoptReport(REPORT, CHAIR))
        .expectEvents(new ReportAdopted(REPORT, "head-of-" + REPORT + "-at-6", CHAIR, fixture.currentTime()))
        .expectResultMessagePayload(7L);
  }

  @Test
  void withdrawnParagraphsDoNotHoldBackAdoption() {
    fixture
        .given(concat(ituParagraph(), new ParagraphWithdrawn(REPORT, PARA, ITU, EARLIER)))
        .when(new AdoptReport(REPORT, CHAIR))
        .expectEvents(new ReportAdopted(REPORT, "head-of-" + REPORT + "-at-4", CHAIR, fixture.currentTime()));
  }

  @Test
  void reportWithAnUnapprovedParagraphIsNotReadyAndSaysWhich() {
    fixture
        .given(ituParagraph())
        .when(new AdoptReport(REPORT, CHAIR))
        .expectNoEvents()
        .expectException(ReportNotReadyException.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("paragraphs not approved [para-1]"));
  }

  @Test
  void reportWithAProposedDecisionIsNotReadyAndSaysWhich() {
    fixture
        .given(concat(ituParagraph(), approved(PARA, 1), decisionProposed(DECISION)))
        .when(new AdoptReport(REPORT, CHAIR))
        .expectException(ReportNotReadyException.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("decisions not adopted [decision-1]"));
  }

  @Test
  void secretaryCannotAdoptTheReport() {
    fixture.given(created()).when(new AdoptReport(REPORT, SECRETARY))
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void adoptedReportIsFrozenForEveryCommand() {
    fixture
        .given(created(), sectionAdded(INTRO), new ReportAdopted(REPORT, "head", CHAIR, EARLIER))
        .when(new DraftParagraph(REPORT, PARA, INTRO, "Late words.", null, SECRETARY))
        .expectNoEvents()
        .expectException(conflict("report-adopted"));
  }

  @Test
  void adoptingTheReportTwiceIsAConflict() {
    fixture
        .given(created(), new ReportAdopted(REPORT, "head", CHAIR, EARLIER))
        .when(new AdoptReport(REPORT, CHAIR))
        .expectException(conflict("report-adopted"));
  }

  // ---- who may write ---------------------------------------------------------------------------

  @Test
  void auditorNeverWrites() {
    fixture.given(ituParagraph())
        .when(new ReviseParagraph(REPORT, PARA, "An auditor's words.", 1, AUDITOR))
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void adminNeverWrites() {
    fixture.given(created())
        .when(new ProposeAgendaItem(REPORT, ITEM_1, "Opening", null, ADMIN))
        .expectException(forbidden("forbidden-role"));
  }
}
