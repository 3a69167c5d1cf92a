package org.rapporteur.command.report;

import static org.hamcrest.Matchers.containsString;
import static org.rapporteur.command.report.ReportFixtures.*;
import static org.rapporteur.command.report.Violations.conflict;
import static org.rapporteur.command.report.Violations.forbidden;
import static org.rapporteur.command.report.Violations.invalid;
import static org.rapporteur.command.report.Violations.notFound;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.integrity.HashChain;
import org.rapporteur.shared.report.AcceptOralAmendment;
import org.rapporteur.shared.report.AdoptDecision;
import org.rapporteur.shared.report.AdoptParagraphInSession;
import org.rapporteur.shared.report.AdoptReport;
import org.rapporteur.shared.report.AdoptionSessionOpened;
import org.rapporteur.shared.report.ApproveParagraph;
import org.rapporteur.shared.report.BracketParagraph;
import org.rapporteur.shared.report.ConfirmReportAdoption;
import org.rapporteur.shared.report.CorrectParagraph;
import org.rapporteur.shared.report.Correction;
import org.rapporteur.shared.report.CorrigendumId;
import org.rapporteur.shared.report.CorrigendumIssued;
import org.rapporteur.shared.report.DraftParagraph;
import org.rapporteur.shared.report.IssueCorrigendum;
import org.rapporteur.shared.report.IssuedCorrigendum;
import org.rapporteur.shared.report.OpenAdoptionSession;
import org.rapporteur.shared.report.OralAmendmentAccepted;
import org.rapporteur.shared.report.OralAmendmentId;
import org.rapporteur.shared.report.OralAmendmentProposed;
import org.rapporteur.shared.report.ParagraphAdoptedInSession;
import org.rapporteur.shared.report.ParagraphBracketed;
import org.rapporteur.shared.report.ParagraphDrafted;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphWithdrawn;
import org.rapporteur.shared.report.ProposeDecision;
import org.rapporteur.shared.report.ProposeOralAmendment;
import org.rapporteur.shared.report.RecordReservation;
import org.rapporteur.shared.report.ReportAdopted;
import org.rapporteur.shared.report.ReportAdoptedAdReferendum;
import org.rapporteur.shared.report.ReportAdoptionConfirmed;
import org.rapporteur.shared.report.ReportCreated;
import org.rapporteur.shared.report.ReportHeader;
import org.rapporteur.shared.report.ReservationId;
import org.rapporteur.shared.report.ReservationKind;
import org.rapporteur.shared.report.ReservationRecorded;
import org.rapporteur.shared.report.ReviseParagraph;
import org.rapporteur.shared.report.DecisionKind;

/** The adoption session (API.md 1.1) and what follows it: one rule per test. */
class AdoptionSessionTest {

  private static final OralAmendmentId AMENDMENT = OralAmendmentId.of("amendment-1");
  private static final String AMENDED = "The meeting was held online on 20 and 21 August 2020.";
  private static final ParagraphId BIS = ParagraphId.of("para-1-bis");

  private AggregateTestFixture<Report> fixture;

  @BeforeEach
  void setUp() {
    fixture = newFixture();
  }

  /** ITU's paragraph, approved: ready for a session. Positions 1 to 4. */
  private static Object[] approvedParagraph() {
    return concat(ituParagraph(), approved(PARA, 1));
  }

  private static AdoptionSessionOpened opened() {
    return new AdoptionSessionOpened(REPORT, CHAIR, EARLIER);
  }

  /** In session, positions 1 to 5. */
  private static Object[] inSession() {
    return concat(approvedParagraph(), opened());
  }

  private static OralAmendmentProposed proposed() {
    return new OralAmendmentProposed(REPORT, PARA, AMENDMENT, 1, AMENDED, "WMO", SECRETARY, EARLIER);
  }

  private static OralAmendmentAccepted accepted() {
    return new OralAmendmentAccepted(REPORT, PARA, AMENDMENT, 1, 2, AMENDED, "WMO", HashChain.sha256(AMENDED), CHAIR, EARLIER);
  }

  private static ParagraphAdoptedInSession adoptedInSession(int revision, String text) {
    return new ParagraphAdoptedInSession(REPORT, PARA, revision, HashChain.sha256(text), CHAIR, EARLIER);
  }

  // ---- opening the session -------------------------------------------------------------------

  @Test
  void chairOpensTheSessionWhenEveryParagraphIsApproved() {
    fixture.given(approvedParagraph())
        .when(new OpenAdoptionSession(REPORT, CHAIR))
        .expectEvents(new AdoptionSessionOpened(REPORT, CHAIR, fixture.currentTime()))
        .expectResultMessagePayload(5L);
  }

  @Test
  void onlyTheChairRunsTheSession() {
    fixture.given(approvedParagraph())
        .when(new OpenAdoptionSession(REPORT, SECRETARY))
        .expectNoEvents()
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void sessionWaitsUntilEveryParagraphIsApproved() {
    fixture.given(ituParagraph())
        .when(new OpenAdoptionSession(REPORT, CHAIR))
        .expectNoEvents()
        .expectException(ReportNotReadyException.class)
        .expectExceptionMessage(containsString("cannot be taken into an adoption session yet: paragraphs not approved [para-1]"));
  }

  @Test
  void sessionIsOpenedOnce() {
    fixture.given(inSession())
        .when(new OpenAdoptionSession(REPORT, CHAIR))
        .expectException(conflict("session-already-open"));
  }

  // ---- drafting is closed in session ---------------------------------------------------------

  @Test
  void delegatesDraftNothingInSession() {
    fixture.given(inSession())
        .when(new DraftParagraph(REPORT, BIS, INTRO, "ITU's late words.", PARA, ITU))
        .expectNoEvents()
        .expectException(conflict("drafting-closed-in-session"));
  }

  @Test
  void paragraphsAreNotRevisedInSession() {
    fixture.given(inSession())
        .when(new ReviseParagraph(REPORT, PARA, AMENDED, 1, ITU))
        .expectNoEvents()
        .expectException(conflict("drafting-closed-in-session"));
  }

  @Test
  void paragraphsAreNotApprovedInSession() {
    fixture.given(concat(inSession(), new ParagraphDrafted(REPORT, BIS, INTRO, PARA, "Inserted.", "SECRETARIAT", 1, SECRETARY, EARLIER)))
        .when(new ApproveParagraph(REPORT, BIS, 1, CHAIR))
        .expectException(conflict("drafting-closed-in-session"));
  }

  @Test
  void decisionsAreNotProposedInSession() {
    fixture.given(inSession())
        .when(new ProposeDecision(REPORT, DECISION, INTRO, DecisionKind.AGREED, "Late.", SECRETARY))
        .expectException(conflict("drafting-closed-in-session"));
  }

  @Test
  void chairInsertsAParagraphInSessionForTheSecretariat() {
    fixture.given(inSession())
        .when(new DraftParagraph(REPORT, BIS, INTRO, "Inserted in session.", PARA, CHAIR))
        .expectEvents(new ParagraphDrafted(REPORT, BIS, INTRO, PARA, "Inserted in session.", "SECRETARIAT", 1, CHAIR,
            fixture.currentTime()));
  }

  @Test
  void anAuditorInsertsNothingInSession() {
    fixture.given(inSession())
        .when(new DraftParagraph(REPORT, BIS, INTRO, "An auditor's words.", PARA, AUDITOR))
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void chairDraftsNothingOutsideTheSession() {
    fixture.given(approvedParagraph())
        .when(new DraftParagraph(REPORT, BIS, INTRO, "A chair's words.", PARA, CHAIR))
        .expectException(forbidden("forbidden-role"));
  }

  // ---- oral amendments -----------------------------------------------------------------------

  @Test
  void secretaryRecordsAnOralAmendmentProposedFromTheFloor() {
    fixture.given(inSession())
        .when(new ProposeOralAmendment(REPORT, PARA, AMENDMENT, AMENDED, "WMO", SECRETARY))
        .expectEvents(new OralAmendmentProposed(REPORT, PARA, AMENDMENT, 1, AMENDED, "WMO", SECRETARY, fixture.currentTime()));
  }

  @Test
  void delegatesDoNotRecordOralAmendments() {
    fixture.given(inSession())
        .when(new ProposeOralAmendment(REPORT, PARA, AMENDMENT, AMENDED, "ITU", ITU))
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void oralAmendmentNamesAKnownEntity() {
    fixture.given(inSession())
        .when(new ProposeOralAmendment(REPORT, PARA, AMENDMENT, AMENDED, "ATLANTIS", SECRETARY))
        .expectException(invalid("unknown-entity"));
  }

  @Test
  void oralAmendmentChangesTheText() {
    fixture.given(inSession())
        .when(new ProposeOralAmendment(REPORT, PARA, AMENDMENT, DRAFTED_TEXT, "WMO", SECRETARY))
        .expectException(invalid("unchanged-text"));
  }

  @Test
  void oralAmendmentsOnlyInSession() {
    fixture.given(approvedParagraph())
        .when(new ProposeOralAmendment(REPORT, PARA, AMENDMENT, AMENDED, "WMO", SECRETARY))
        .expectException(conflict("not-in-session"));
  }

  @Test
  void chairAcceptsAnOralAmendmentAndTheParagraphReadsExactlyAsAmended() {
    fixture.given(concat(inSession(), proposed()))
        .when(new AcceptOralAmendment(REPORT, PARA, AMENDMENT, CHAIR))
        .expectEvents(new OralAmendmentAccepted(REPORT, PARA, AMENDMENT, 1, 2, AMENDED, "WMO", HashChain.sha256(AMENDED),
            CHAIR, fixture.currentTime()));
  }

  @Test
  void onlyTheChairAcceptsOralAmendments() {
    fixture.given(concat(inSession(), proposed()))
        .when(new AcceptOralAmendment(REPORT, PARA, AMENDMENT, SECRETARY))
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void anAmendmentNotProposedIsUnknown() {
    fixture.given(inSession())
        .when(new AcceptOralAmendment(REPORT, PARA, AMENDMENT, CHAIR))
        .expectException(notFound("unknown-oral-amendment"));
  }

  @Test
  void anAmendmentIsAcceptedOnce() {
    fixture.given(concat(inSession(), proposed(), accepted()))
        .when(new AcceptOralAmendment(REPORT, PARA, AMENDMENT, CHAIR))
        .expectException(conflict("oral-amendment-already-accepted"));
  }

  @Test
  void anAmendmentProposedOnATextSinceAmendedIsStale() {
    OralAmendmentProposed other =
        new OralAmendmentProposed(REPORT, PARA, OralAmendmentId.of("amendment-2"), 1, "Other words.", "ITU", SECRETARY, EARLIER);
    fixture.given(concat(inSession(), proposed(), other, accepted()))
        .when(new AcceptOralAmendment(REPORT, PARA, OralAmendmentId.of("amendment-2"), CHAIR))
        .expectException(conflict("stale-oral-amendment"));
  }

  // ---- brackets and adoption in session ------------------------------------------------------

  @Test
  void chairBracketsAParagraphNotAgreed() {
    fixture.given(inSession())
        .when(new BracketParagraph(REPORT, PARA, CHAIR))
        .expectEvents(new ParagraphBracketed(REPORT, PARA, 1, CHAIR, fixture.currentTime()));
  }

  @Test
  void aParagraphIsBracketedOnce() {
    fixture.given(concat(inSession(), new ParagraphBracketed(REPORT, PARA, 1, CHAIR, EARLIER)))
        .when(new BracketParagraph(REPORT, PARA, CHAIR))
        .expectException(conflict("already-bracketed"));
  }

  @Test
  void bracketsOnlyInSession() {
    fixture.given(approvedParagraph())
        .when(new BracketParagraph(REPORT, PARA, CHAIR))
        .expectException(conflict("not-in-session"));
  }

  @Test
  void aBracketedParagraphBlocksTheReportsAdoption() {
    fixture.given(concat(inSession(), new ParagraphBracketed(REPORT, PARA, 1, CHAIR, EARLIER)))
        .when(new AdoptReport(REPORT, CHAIR))
        .expectNoEvents()
        .expectException(ReportNotReadyException.class)
        .expectExceptionMessage(containsString("paragraphs not adopted in session [para-1]"));
  }

  @Test
  void bracketsAreRemovedWhenTheMeetingAdoptsTheParagraph() {
    fixture.given(concat(inSession(), new ParagraphBracketed(REPORT, PARA, 1, CHAIR, EARLIER), proposed(), accepted()))
        .when(new AdoptParagraphInSession(REPORT, PARA, CHAIR))
        .expectEvents(new ParagraphAdoptedInSession(REPORT, PARA, 2, HashChain.sha256(AMENDED), CHAIR, fixture.currentTime()));
  }

  @Test
  void chairDeletesBracketedTextInSession() {
    fixture.given(concat(inSession(), new ParagraphBracketed(REPORT, PARA, 1, CHAIR, EARLIER)))
        .when(new org.rapporteur.shared.report.WithdrawParagraph(REPORT, PARA, CHAIR))
        .expectEvents(new ParagraphWithdrawn(REPORT, PARA, CHAIR, fixture.currentTime()));
  }

  @Test
  void inSessionOnlyTheChairDeletesText() {
    fixture.given(inSession())
        .when(new org.rapporteur.shared.report.WithdrawParagraph(REPORT, PARA, SECRETARY))
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void adoptedTextIsSettled() {
    fixture.given(concat(inSession(), adoptedInSession(1, DRAFTED_TEXT)))
        .when(new ProposeOralAmendment(REPORT, PARA, AMENDMENT, AMENDED, "WMO", SECRETARY))
        .expectException(conflict("paragraph-adopted-in-session"));
  }

  @Test
  void aParagraphIsAdoptedInSessionOnce() {
    fixture.given(concat(inSession(), adoptedInSession(1, DRAFTED_TEXT)))
        .when(new AdoptParagraphInSession(REPORT, PARA, CHAIR))
        .expectException(conflict("paragraph-adopted-in-session"));
  }

  @Test
  void onlyTheChairAdoptsParagraphsInSession() {
    fixture.given(inSession())
        .when(new AdoptParagraphInSession(REPORT, PARA, SECRETARY))
        .expectException(forbidden("forbidden-role"));
  }

  // ---- adopting the report, ad referendum, confirmation --------------------------------------

  @Test
  void chairAdoptsTheReportInSessionOnceEveryParagraphIsAdopted() {
    fixture.given(concat(inSession(), adoptedInSession(1, DRAFTED_TEXT)))
        .when(new AdoptReport(REPORT, CHAIR))
        .expectEvents(new ReportAdopted(REPORT, "head-of-" + REPORT + "-at-6", CHAIR, fixture.currentTime()));
  }

  @Test
  void anApprovedParagraphNotAdoptedInSessionHoldsBackAdoption() {
    fixture.given(inSession())
        .when(new AdoptReport(REPORT, CHAIR))
        .expectException(ReportNotReadyException.class);
  }

  @Test
  void meetingAdoptsTheReportAdReferendum() {
    fixture.given(concat(inSession(), adoptedInSession(1, DRAFTED_TEXT)))
        .when(new AdoptReport(REPORT, true, CHAIR))
        .expectEvents(new ReportAdoptedAdReferendum(REPORT, "head-of-" + REPORT + "-at-6", CHAIR, fixture.currentTime()));
  }

  @Test
  void adReferendumOnlyInSession() {
    fixture.given(approvedParagraph())
        .when(new AdoptReport(REPORT, true, CHAIR))
        .expectException(conflict("not-in-session"));
  }

  @Test
  void aReportAdoptedAdReferendumIsFrozen() {
    fixture.given(concat(inSession(), adoptedInSession(1, DRAFTED_TEXT), new ReportAdoptedAdReferendum(REPORT, "h", CHAIR, EARLIER)))
        .when(new BracketParagraph(REPORT, PARA, CHAIR))
        .expectException(conflict("not-in-session"));
    fixture.given(concat(inSession(), adoptedInSession(1, DRAFTED_TEXT), new ReportAdoptedAdReferendum(REPORT, "h", CHAIR, EARLIER)))
        .when(new AdoptReport(REPORT, CHAIR))
        .expectException(conflict("report-adopted"));
  }

  @Test
  void chairConfirmsAnAdoptionAdReferendum() {
    fixture.given(concat(inSession(), adoptedInSession(1, DRAFTED_TEXT), new ReportAdoptedAdReferendum(REPORT, "h", CHAIR, EARLIER)))
        .when(new ConfirmReportAdoption(REPORT, CHAIR))
        .expectEvents(new ReportAdoptionConfirmed(REPORT, "head-of-" + REPORT + "-at-7", CHAIR, fixture.currentTime()));
  }

  @Test
  void onlyAnAdoptionAdReferendumIsConfirmed() {
    fixture.given(concat(approvedParagraph(), new ReportAdopted(REPORT, "h", CHAIR, EARLIER)))
        .when(new ConfirmReportAdoption(REPORT, CHAIR))
        .expectException(conflict("not-adopted-ad-referendum"));
  }

  @Test
  void onlyTheChairConfirms() {
    fixture.given(concat(inSession(), adoptedInSession(1, DRAFTED_TEXT), new ReportAdoptedAdReferendum(REPORT, "h", CHAIR, EARLIER)))
        .when(new ConfirmReportAdoption(REPORT, SECRETARY))
        .expectException(forbidden("forbidden-role"));
  }

  // ---- reservations --------------------------------------------------------------------------

  private static final ReservationId RESERVATION = ReservationId.of("reservation-1");

  @Test
  void secretaryRecordsADelegationsReservationOnAParagraph() {
    fixture.given(inSession())
        .when(new RecordReservation(REPORT, RESERVATION, "WMO", ReservationKind.RESERVATION, PARA, null,
            "WMO reserved its position on the dates.", SECRETARY))
        .expectEvents(new ReservationRecorded(REPORT, RESERVATION, "WMO", ReservationKind.RESERVATION, PARA, null,
            "WMO reserved its position on the dates.", SECRETARY, fixture.currentTime()));
  }

  @Test
  void anExplanationOfPositionMayBearOnADecision() {
    fixture.given(concat(ituParagraph(), approved(PARA, 1), decisionProposed(DECISION),
            new org.rapporteur.shared.report.DecisionAdopted(REPORT, DECISION, CHAIR, EARLIER), opened()))
        .when(new RecordReservation(REPORT, RESERVATION, "ITU", ReservationKind.EXPLANATION_OF_POSITION, null, DECISION,
            "ITU joined the consensus.", CHAIR))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void aReservationBearsOnExactlyOneUnit() {
    fixture.given(inSession())
        .when(new RecordReservation(REPORT, RESERVATION, "WMO", ReservationKind.RESERVATION, null, null, "On what?", SECRETARY))
        .expectException(invalid("reservation-target"));
    fixture.given(inSession())
        .when(new RecordReservation(REPORT, RESERVATION, "WMO", ReservationKind.RESERVATION, PARA, DECISION, "Both?", SECRETARY))
        .expectException(invalid("reservation-target"));
  }

  @Test
  void aReservationOnAParagraphNotInTheReportIsRefused() {
    fixture.given(inSession())
        .when(new RecordReservation(REPORT, RESERVATION, "WMO", ReservationKind.RESERVATION, OTHER_PARA, null, "On what?", SECRETARY))
        .expectException(invalid("unknown-reference"));
  }

  @Test
  void reservationsAreRecordedInSession() {
    fixture.given(approvedParagraph())
        .when(new RecordReservation(REPORT, RESERVATION, "WMO", ReservationKind.RESERVATION, PARA, null, "Too early.", SECRETARY))
        .expectException(conflict("not-in-session"));
  }

  @Test
  void delegatesDoNotRecordReservationsThemselves() {
    fixture.given(inSession())
        .when(new RecordReservation(REPORT, RESERVATION, "ITU", ReservationKind.RESERVATION, PARA, null, "Ours.", ITU))
        .expectException(forbidden("forbidden-role"));
  }

  // ---- corrigenda ----------------------------------------------------------------------------

  private static final CorrigendumId CORR = CorrigendumId.of("corr-1");
  private static final String CORRECTED = "The meeting was held online on 20 and 21 August 2020, in English.";

  private static Object[] adoptedWithSymbol() {
    ReportHeader h = header();
    ReportHeader withSymbol = new ReportHeader(h.body(), h.sessionNumber(), h.title(), h.venue(), h.startDate(),
        h.endDate(), h.language(), null, null, "A/AC.105/1234", List.of());
    return new Object[] {new ReportCreated(REPORT, withSymbol, SECRETARY, EARLIER), sectionAdded(INTRO),
        drafted(PARA, ITU, "ITU"), approved(PARA, 1), new ReportAdopted(REPORT, "h", CHAIR, EARLIER)};
  }

  @Test
  void secretaryIssuesACorrigendumToTheAdoptedReportWithItsOwnSymbol() {
    fixture.given(adoptedWithSymbol())
        .when(new IssueCorrigendum(REPORT, CORR, List.of(new CorrectParagraph(PARA, CORRECTED)), "The language was left out.",
            SECRETARY))
        .expectEvents(new CorrigendumIssued(REPORT, CORR, 1, "A/AC.105/1234/Corr.1", "The language was left out.",
            List.of(new Correction(PARA, 1, 2, CORRECTED, HashChain.sha256(CORRECTED))), SECRETARY, fixture.currentTime()))
        .expectResultMessagePayload(new IssuedCorrigendum("corr-1", 1, "A/AC.105/1234/Corr.1", 6L));
  }

  @Test
  void theSecondCorrigendumIsCorr2AndCorrectsTheCorrectedText() {
    CorrigendumIssued first = new CorrigendumIssued(REPORT, CORR, 1, "A/AC.105/1234/Corr.1", "r",
        List.of(new Correction(PARA, 1, 2, CORRECTED, HashChain.sha256(CORRECTED))), SECRETARY, EARLIER);
    fixture.given(concat(adoptedWithSymbol(), first))
        .when(new IssueCorrigendum(REPORT, CorrigendumId.of("corr-2"), List.of(new CorrectParagraph(PARA, AMENDED)), "Again.",
            SECRETARY))
        .expectEvents(new CorrigendumIssued(REPORT, CorrigendumId.of("corr-2"), 2, "A/AC.105/1234/Corr.2", "Again.",
            List.of(new Correction(PARA, 2, 3, AMENDED, HashChain.sha256(AMENDED))), SECRETARY, fixture.currentTime()));
  }

  @Test
  void aReportWithoutASymbolGetsCorrigendaWithoutOne() {
    fixture.given(concat(approvedParagraph(), new ReportAdopted(REPORT, "h", CHAIR, EARLIER)))
        .when(new IssueCorrigendum(REPORT, CORR, List.of(new CorrectParagraph(PARA, CORRECTED)), "r", SECRETARY))
        .expectEvents(new CorrigendumIssued(REPORT, CORR, 1, null, "r",
            List.of(new Correction(PARA, 1, 2, CORRECTED, HashChain.sha256(CORRECTED))), SECRETARY, fixture.currentTime()));
  }

  @Test
  void corrigendaOnlyAfterAdoption() {
    fixture.given(approvedParagraph())
        .when(new IssueCorrigendum(REPORT, CORR, List.of(new CorrectParagraph(PARA, CORRECTED)), "r", SECRETARY))
        .expectNoEvents()
        .expectException(conflict("report-not-adopted"));
  }

  @Test
  void noCorrigendumBeforeAnAdoptionAdReferendumIsConfirmed() {
    fixture.given(concat(inSession(), adoptedInSession(1, DRAFTED_TEXT), new ReportAdoptedAdReferendum(REPORT, "h", CHAIR, EARLIER)))
        .when(new IssueCorrigendum(REPORT, CORR, List.of(new CorrectParagraph(PARA, CORRECTED)), "r", SECRETARY))
        .expectException(conflict("report-not-adopted"));
  }

  @Test
  void onlyTheSecretaryIssuesCorrigenda() {
    fixture.given(adoptedWithSymbol())
        .when(new IssueCorrigendum(REPORT, CORR, List.of(new CorrectParagraph(PARA, CORRECTED)), "r", CHAIR))
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void aCorrigendumCorrectsEachParagraphOnceAndChangesItsText() {
    fixture.given(adoptedWithSymbol())
        .when(new IssueCorrigendum(REPORT, CORR,
            List.of(new CorrectParagraph(PARA, CORRECTED), new CorrectParagraph(PARA, AMENDED)), "r", SECRETARY))
        .expectException(invalid("duplicate-correction"));
    fixture.given(adoptedWithSymbol())
        .when(new IssueCorrigendum(REPORT, CORR, List.of(new CorrectParagraph(PARA, DRAFTED_TEXT)), "r", SECRETARY))
        .expectException(invalid("unchanged-text"));
    fixture.given(adoptedWithSymbol())
        .when(new IssueCorrigendum(REPORT, CORR, List.of(), "r", SECRETARY))
        .expectException(invalid("missing-field"));
    fixture.given(adoptedWithSymbol())
        .when(new IssueCorrigendum(REPORT, CORR, List.of(new CorrectParagraph(OTHER_PARA, CORRECTED)), "r", SECRETARY))
        .expectException(invalid("unknown-reference"));
  }

  @Test
  void decisionsAreNotAdoptedOneByOneInSession() {
    fixture.given(inSession())
        .when(new AdoptDecision(REPORT, DECISION, CHAIR))
        .expectException(conflict("drafting-closed-in-session"));
  }
}
