package org.rapporteur.command.report;

import static org.rapporteur.command.report.ReportFixtures.*;
import static org.rapporteur.command.report.Violations.conflict;
import static org.rapporteur.command.report.Violations.forbidden;
import static org.rapporteur.command.report.Violations.invalid;
import static org.rapporteur.command.report.Violations.notFound;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.integrity.HashChain;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.ApproveParagraph;
import org.rapporteur.shared.report.DraftParagraph;
import org.rapporteur.shared.report.ParagraphApproved;
import org.rapporteur.shared.report.ParagraphDrafted;
import org.rapporteur.shared.report.ParagraphReturned;
import org.rapporteur.shared.report.ParagraphRevised;
import org.rapporteur.shared.report.ParagraphSubmitted;
import org.rapporteur.shared.report.ParagraphWithdrawn;
import org.rapporteur.shared.report.ReturnParagraph;
import org.rapporteur.shared.report.ReviseParagraph;
import org.rapporteur.shared.report.Role;
import org.rapporteur.shared.report.SubmitParagraph;
import org.rapporteur.shared.report.WithdrawParagraph;

class ParagraphTest {

  private static final String REVISED = "The meeting was held online from 20 to 21 August 2020.";

  private AggregateTestFixture<Report> fixture;

  @BeforeEach
  void setUp() {
    fixture = newFixture();
  }

  // ---- draft ---------------------------------------------------------------------------------

  @Test
  void delegateDraftsAParagraphForItsOwnEntity() {
    fixture.given(created(), member(ITU), member(WMO), sectionAdded(INTRO))
        .when(new DraftParagraph(REPORT, PARA, INTRO, "The meeting opened.", null, ITU))
        .expectEvents(new ParagraphDrafted(REPORT, PARA, INTRO, null, "The meeting opened.", "ITU", 1, ITU,
            fixture.currentTime()))
        .expectResultMessagePayload(5L);
  }

  @Test
  void secretaryWithoutAnEntityDraftsForTheSecretariat() {
    fixture.given(created(), sectionAdded(INTRO))
        .when(new DraftParagraph(REPORT, PARA, INTRO, "The meeting opened.", null, SECRETARY))
        .expectEvents(new ParagraphDrafted(REPORT, PARA, INTRO, null, "The meeting opened.", "SECRETARIAT", 1,
            SECRETARY, fixture.currentTime()));
  }

  @Test
  void secretaryWithAnEntityDraftsForThatEntity() {
    Actor oosaSecretary = new Actor("oosa-secretary", Role.SECRETARY, "OOSA");
    fixture.given(created(), sectionAdded(INTRO))
        .when(new DraftParagraph(REPORT, PARA, INTRO, "The meeting opened.", null, oosaSecretary))
        .expectEvents(new ParagraphDrafted(REPORT, PARA, INTRO, null, "The meeting opened.", "OOSA", 1,
            oosaSecretary, fixture.currentTime()));
  }

  @Test
  void paragraphIsPlacedAfterAnotherOfTheSameSection() {
    fixture.given(concat(ituParagraph(), member(WMO)))
        .when(new DraftParagraph(REPORT, OTHER_PARA, INTRO, "Next.", PARA, WMO))
        .expectEvents(new ParagraphDrafted(REPORT, OTHER_PARA, INTRO, PARA, "Next.", "WMO", 1, WMO,
            fixture.currentTime()));
  }

  @Test
  void delegateWithoutAnEntitySeesNoReport() {
    fixture.given(created(), sectionAdded(INTRO))
        .when(new DraftParagraph(REPORT, PARA, INTRO, "Words.", null, new Actor("nobody", Role.DELEGATE, null)))
        .expectException(Violations.notFound("unknown-report"));
  }

  @Test
  void chairDraftsNothing() {
    fixture.given(created(), sectionAdded(INTRO))
        .when(new DraftParagraph(REPORT, PARA, INTRO, "Words.", null, CHAIR))
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void paragraphInASectionOfNoReportIsInvalid() {
    fixture.given(created(), member(ITU), member(WMO))
        .when(new DraftParagraph(REPORT, PARA, INTRO, "Words.", null, ITU))
        .expectException(invalid("unknown-reference"));
  }

  @Test
  void paragraphCannotBePlacedAfterAParagraphOfAnotherSection() {
    fixture.given(concat(ituParagraph(), sectionAdded(PROCEEDINGS)))
        .when(new DraftParagraph(REPORT, OTHER_PARA, PROCEEDINGS, "Words.", PARA, ITU))
        .expectException(invalid("unknown-reference"));
  }

  @Test
  void blankParagraphIsInvalid() {
    fixture.given(created(), member(ITU), member(WMO), sectionAdded(INTRO))
        .when(new DraftParagraph(REPORT, PARA, INTRO, " \n", null, ITU))
        .expectException(invalid("blank-text"));
  }

  @Test
  void paragraphLongerThanTwentyThousandCharactersIsInvalid() {
    fixture.given(created(), member(ITU), member(WMO), sectionAdded(INTRO))
        .when(new DraftParagraph(REPORT, PARA, INTRO, "x".repeat(20_001), null, ITU))
        .expectException(invalid("text-too-long"));
  }

  @Test
  void paragraphWithANulCharacterIsInvalid() {
    fixture.given(created(), member(ITU), member(WMO), sectionAdded(INTRO))
        .when(new DraftParagraph(REPORT, PARA, INTRO, "The meeting\u0000 opened.", null, ITU))
        .expectNoEvents()
        .expectException(invalid("invalid-character"));
  }

  @Test
  void paragraphWithAnUnpairedSurrogateIsInvalid() {
    fixture.given(created(), member(ITU), member(WMO), sectionAdded(INTRO))
        .when(new DraftParagraph(REPORT, PARA, INTRO, "Broken \uD83D text.", null, ITU))
        .expectNoEvents()
        .expectException(invalid("invalid-character"));
  }

  @Test
  void paragraphWithLineBreaksTabsChineseAndCharactersBeyondTheBasicPlaneIsValid() {
    String text = "会议开幕。\n\t第二行 \uD83D\uDE80 𠀀\r\n";
    fixture.given(created(), member(ITU), member(WMO), sectionAdded(INTRO))
        .when(new DraftParagraph(REPORT, PARA, INTRO, text, null, ITU))
        .expectEvents(new ParagraphDrafted(REPORT, PARA, INTRO, null, text, "ITU", 1, ITU, fixture.currentTime()));
  }

  @Test
  void paragraphIdAlreadyInTheReportIsAConflict() {
    fixture.given(ituParagraph())
        .when(new DraftParagraph(REPORT, PARA, INTRO, "Words.", null, ITU))
        .expectException(conflict("duplicate-id"));
  }

  // ---- revise --------------------------------------------------------------------------------

  @Test
  void authorEntityRevisesFromTheCurrentRevision() {
    fixture.given(ituParagraph())
        .when(new ReviseParagraph(REPORT, PARA, REVISED, 1, ITU))
        .expectEvents(new ParagraphRevised(REPORT, PARA, 1, 2, REVISED, false, ITU, fixture.currentTime()))
        .expectResultMessagePayload(4L);
  }

  @Test
  void secretaryRevisesAnyEntitysParagraph() {
    fixture.given(ituParagraph())
        .when(new ReviseParagraph(REPORT, PARA, REVISED, 1, SECRETARY))
        .expectEvents(new ParagraphRevised(REPORT, PARA, 1, 2, REVISED, false, SECRETARY, fixture.currentTime()));
  }

  @Test
  void delegateCannotReviseAnotherEntitysParagraph() {
    fixture.given(concat(ituParagraph(), member(WMO)))
        .when(new ReviseParagraph(REPORT, PARA, REVISED, 1, WMO))
        .expectNoEvents()
        .expectException(forbidden("not-author-entity"));
  }

  @Test
  void staleBaseRevisionIsRejectedWithCurrentText() {
    fixture.given(concat(ituParagraph(), new ParagraphRevised(REPORT, PARA, 1, 2, REVISED, false, WMO, EARLIER)))
        .when(new ReviseParagraph(REPORT, PARA, "My older edit.", 1, ITU))
        .expectNoEvents()
        .expectException(Violations.staleAt(2, REVISED));
  }

  @Test
  void approvedParagraphThatIsRevisedGoesBackToDraftVisibly() {
    fixture.given(concat(ituParagraph(), approved(PARA, 1)))
        .when(new ReviseParagraph(REPORT, PARA, REVISED, 1, ITU))
        .expectEvents(new ParagraphRevised(REPORT, PARA, 1, 2, REVISED, true, ITU, fixture.currentTime()));
  }

  @Test
  void revisingAnUnknownParagraphIsNotFound() {
    fixture.given(created(), sectionAdded(INTRO))
        .when(new ReviseParagraph(REPORT, PARA, REVISED, 1, SECRETARY))
        .expectException(notFound("unknown-paragraph"));
  }

  @Test
  void revisingAWithdrawnParagraphIsAConflict() {
    fixture.given(concat(ituParagraph(), withdrawn()))
        .when(new ReviseParagraph(REPORT, PARA, REVISED, 1, ITU))
        .expectException(conflict("paragraph-withdrawn"));
  }

  @Test
  void revisingWithTheSameTextIsRejected() {
    fixture.given(ituParagraph())
        .when(new ReviseParagraph(REPORT, PARA, "The meeting was held online.", 1, ITU))
        .expectException(invalid("unchanged-text"));
  }

  // ---- submit --------------------------------------------------------------------------------

  @Test
  void authorEntitySubmitsADraft() {
    fixture.given(ituParagraph())
        .when(new SubmitParagraph(REPORT, PARA, ITU))
        .expectEvents(new ParagraphSubmitted(REPORT, PARA, 1, ITU, fixture.currentTime()))
        .expectResultMessagePayload(4L);
  }

  @Test
  void returnedParagraphCanBeSubmittedAgain() {
    fixture.given(concat(ituParagraph(), submitted(PARA, 1), returned()))
        .when(new SubmitParagraph(REPORT, PARA, ITU))
        .expectEvents(new ParagraphSubmitted(REPORT, PARA, 1, ITU, fixture.currentTime()));
  }

  @Test
  void submittingASubmittedParagraphIsAConflict() {
    fixture.given(concat(ituParagraph(), submitted(PARA, 1)))
        .when(new SubmitParagraph(REPORT, PARA, ITU))
        .expectException(conflict("paragraph-not-submittable"));
  }

  @Test
  void delegateCannotSubmitAnotherEntitysParagraph() {
    fixture.given(concat(ituParagraph(), member(WMO)))
        .when(new SubmitParagraph(REPORT, PARA, WMO))
        .expectException(forbidden("not-author-entity"));
  }

  // ---- approve -------------------------------------------------------------------------------

  @Test
  void chairApprovesTheCurrentSubmittedRevisionNamingTheSha256OfItsExactText() {
    fixture.given(concat(ituParagraph(), submitted(PARA, 1)))
        .when(new ApproveParagraph(REPORT, PARA, 1, CHAIR))
        .expectEvents(new ParagraphApproved(REPORT, PARA, 1,
            // sha256sum of the drafted text's UTF-8 bytes, computed outside the product
            "6c50c7650ab08344744b85653c96151fe43634e2619ff607c3b0b501b60b6e6c", CHAIR, fixture.currentTime()))
        .expectResultMessagePayload(5L);
  }

  @Test
  void chairMayApproveADraftThatWasNeverSubmitted() {
    fixture.given(ituParagraph())
        .when(new ApproveParagraph(REPORT, PARA, 1, CHAIR))
        .expectEvents(new ParagraphApproved(REPORT, PARA, 1, HashChain.sha256(DRAFTED_TEXT), CHAIR, fixture.currentTime()));
  }

  @Test
  void approvingARevisionThatIsNotCurrentIsAConflict() {
    fixture.given(concat(ituParagraph(), new ParagraphRevised(REPORT, PARA, 1, 2, REVISED, false, ITU, EARLIER)))
        .when(new ApproveParagraph(REPORT, PARA, 1, CHAIR))
        .expectException(conflict("revision-not-current"));
  }

  @Test
  void approvingAnApprovedRevisionAgainIsAConflict() {
    fixture.given(concat(ituParagraph(), approved(PARA, 1)))
        .when(new ApproveParagraph(REPORT, PARA, 1, CHAIR))
        .expectException(conflict("already-approved"));
  }

  @Test
  void delegateCannotApprove() {
    fixture.given(ituParagraph())
        .when(new ApproveParagraph(REPORT, PARA, 1, ITU))
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void chairCannotApproveARevisionItWroteItself() {
    Actor chairAsSecretary = new Actor("dual", Role.SECRETARY, null);
    Actor chairAsChair = new Actor("dual", Role.CHAIR, null);
    fixture.given(concat(ituParagraph(), new ParagraphRevised(REPORT, PARA, 1, 2, REVISED, false, chairAsSecretary, EARLIER)))
        .when(new ApproveParagraph(REPORT, PARA, 2, chairAsChair))
        .expectNoEvents()
        .expectException(forbidden("segregation-of-duties"));
  }

  @Test
  void withoutSegregationOfDutiesAChairMayApproveARevisionItWroteItself() {
    AggregateTestFixture<Report> unsegregated = newFixture(new ApprovalPolicy(false));
    Actor chairAsSecretary = new Actor("dual", Role.SECRETARY, null);
    Actor chairAsChair = new Actor("dual", Role.CHAIR, null);
    unsegregated
        .given(concat(ituParagraph(), new ParagraphRevised(REPORT, PARA, 1, 2, REVISED, false, chairAsSecretary, EARLIER)))
        .when(new ApproveParagraph(REPORT, PARA, 2, chairAsChair))
        .expectEvents(new ParagraphApproved(REPORT, PARA, 2, HashChain.sha256(REVISED), chairAsChair, unsegregated.currentTime()));
  }

  @Test
  void approvingAnUnknownParagraphIsNotFound() {
    fixture.given(created())
        .when(new ApproveParagraph(REPORT, PARA, 1, CHAIR))
        .expectException(notFound("unknown-paragraph"));
  }

  // ---- return --------------------------------------------------------------------------------

  @Test
  void chairReturnsASubmittedParagraphWithAComment() {
    fixture.given(concat(ituParagraph(), submitted(PARA, 1)))
        .when(new ReturnParagraph(REPORT, PARA, "Please cite the resolution.", CHAIR))
        .expectEvents(new ParagraphReturned(REPORT, PARA, 1, "Please cite the resolution.", CHAIR, fixture.currentTime()))
        .expectResultMessagePayload(5L);
  }

  @Test
  void returningWithoutACommentIsInvalid() {
    fixture.given(concat(ituParagraph(), submitted(PARA, 1)))
        .when(new ReturnParagraph(REPORT, PARA, " ", CHAIR))
        .expectException(invalid("blank-text"));
  }

  @Test
  void returningADraftThatWasNotSubmittedIsAConflict() {
    fixture.given(ituParagraph())
        .when(new ReturnParagraph(REPORT, PARA, "Not ready.", CHAIR))
        .expectException(conflict("paragraph-not-submitted"));
  }

  @Test
  void secretaryCannotReturnAParagraph() {
    fixture.given(concat(ituParagraph(), submitted(PARA, 1)))
        .when(new ReturnParagraph(REPORT, PARA, "Not ready.", SECRETARY))
        .expectException(forbidden("forbidden-role"));
  }

  // ---- withdraw ------------------------------------------------------------------------------

  @Test
  void authorEntityWithdrawsItsParagraph() {
    fixture.given(ituParagraph())
        .when(new WithdrawParagraph(REPORT, PARA, ITU))
        .expectEvents(new ParagraphWithdrawn(REPORT, PARA, ITU, fixture.currentTime()))
        .expectResultMessagePayload(4L);
  }

  @Test
  void withdrawingAWithdrawnParagraphIsAConflict() {
    fixture.given(concat(ituParagraph(), withdrawn()))
        .when(new WithdrawParagraph(REPORT, PARA, ITU))
        .expectException(conflict("paragraph-withdrawn"));
  }

  @Test
  void delegateCannotWithdrawAnotherEntitysParagraph() {
    fixture.given(concat(ituParagraph(), member(WMO)))
        .when(new WithdrawParagraph(REPORT, PARA, WMO))
        .expectException(forbidden("not-author-entity"));
  }

  private static ParagraphReturned returned() {
    return new ParagraphReturned(REPORT, PARA, 1, "Please shorten.", CHAIR, EARLIER);
  }

  private static ParagraphWithdrawn withdrawn() {
    return new ParagraphWithdrawn(REPORT, PARA, ITU, EARLIER);
  }
}
