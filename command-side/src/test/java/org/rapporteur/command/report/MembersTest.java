package org.rapporteur.command.report;

import static org.rapporteur.command.report.ReportFixtures.*;
import static org.rapporteur.command.report.Violations.conflict;
import static org.rapporteur.command.report.Violations.forbidden;
import static org.rapporteur.command.report.Violations.invalid;
import static org.rapporteur.command.report.Violations.notFound;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapporteur.shared.report.AddMemberEntity;
import org.rapporteur.shared.report.AdoptReport;
import org.rapporteur.shared.report.CreateReport;
import org.rapporteur.shared.report.DraftParagraph;
import org.rapporteur.shared.report.MemberEntityAdded;
import org.rapporteur.shared.report.MemberEntityRemoved;
import org.rapporteur.shared.report.ProposeAgendaItem;
import org.rapporteur.shared.report.RemoveMemberEntity;
import org.rapporteur.shared.report.ReportAdopted;
import org.rapporteur.shared.report.ReportCommand;
import org.rapporteur.shared.report.ReportCreated;
import org.rapporteur.shared.report.ReviseParagraph;
import org.rapporteur.shared.report.SubmitParagraph;
import org.rapporteur.shared.report.WithdrawParagraph;

/** Who takes part in a report: its member entities, and what a delegate of another entity gets. */
class MembersTest {

  private AggregateTestFixture<Report> fixture;

  @BeforeEach
  void setUp() {
    fixture = newFixture();
  }

  @Test
  void secretaryOpensAReportWithItsMembersInCodeOrder() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateReport(REPORT, header(), List.of("WMO", "ITU"), SECRETARY))
        .expectEvents(
            new ReportCreated(REPORT, header(), SECRETARY, fixture.currentTime()),
            new MemberEntityAdded(REPORT, "ITU", SECRETARY, fixture.currentTime()),
            new MemberEntityAdded(REPORT, "WMO", SECRETARY, fixture.currentTime()))
        .expectResultMessagePayload(3L);
  }

  @Test
  void aReportCannotBeOpenedWithAnEntityOutsideTheRegistry() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateReport(REPORT, header(), List.of("ITU", "ACME"), SECRETARY))
        .expectNoEvents()
        .expectException(invalid("unknown-entity"));
  }

  @Test
  void aReportCannotNameAMemberTwice() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateReport(REPORT, header(), List.of("ITU", "ITU"), SECRETARY))
        .expectNoEvents()
        .expectException(invalid("duplicate-entity"));
  }

  @Test
  void secretaryAddsAMember() {
    fixture
        .given(created())
        .when(new AddMemberEntity(REPORT, "OOSA", SECRETARY))
        .expectEvents(new MemberEntityAdded(REPORT, "OOSA", SECRETARY, fixture.currentTime()))
        .expectResultMessagePayload(2L);
  }

  @Test
  void anEntityOutsideTheRegistryCannotBecomeAMember() {
    fixture
        .given(created())
        .when(new AddMemberEntity(REPORT, "ACME", SECRETARY))
        .expectNoEvents()
        .expectException(invalid("unknown-entity"));
  }

  @Test
  void aMemberCannotBeAddedTwice() {
    fixture
        .given(created(), member(ITU))
        .when(new AddMemberEntity(REPORT, "ITU", SECRETARY))
        .expectNoEvents()
        .expectException(conflict("already-member"));
  }

  @Test
  void onlyTheSecretaryChangesMembers() {
    fixture.given(created(), member(ITU))
        .when(new AddMemberEntity(REPORT, "WMO", ITU))
        .expectException(forbidden("forbidden-role"));
    newFixture().given(created(), member(ITU))
        .when(new RemoveMemberEntity(REPORT, "ITU", CHAIR))
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void membersMayChangeAfterAdoption() {
    fixture
        .given(created(), new ReportAdopted(REPORT, null, CHAIR, EARLIER))
        .when(new AddMemberEntity(REPORT, "ITU", SECRETARY))
        .expectEvents(new MemberEntityAdded(REPORT, "ITU", SECRETARY, fixture.currentTime()));
  }

  @Test
  void secretaryRemovesAMember() {
    fixture
        .given(created(), member(ITU))
        .when(new RemoveMemberEntity(REPORT, "ITU", SECRETARY))
        .expectEvents(new MemberEntityRemoved(REPORT, "ITU", SECRETARY, fixture.currentTime()));
  }

  @Test
  void removingAnEntityThatIsNotAMemberIsNotFound() {
    fixture
        .given(created(), member(ITU))
        .when(new RemoveMemberEntity(REPORT, "WMO", SECRETARY))
        .expectNoEvents()
        .expectException(notFound("unknown-member"));
  }

  static List<ReportCommand> everyKindOfCommandOfWmo() {
    return List.of(
        new ProposeAgendaItem(REPORT, ITEM_2, "Other matters", null, WMO),
        new DraftParagraph(REPORT, OTHER_PARA, INTRO, "Words.", null, WMO),
        new ReviseParagraph(REPORT, PARA, "Other words.", 1, WMO),
        new SubmitParagraph(REPORT, PARA, WMO),
        new WithdrawParagraph(REPORT, PARA, WMO),
        new AddMemberEntity(REPORT, "WMO", WMO),
        new RemoveMemberEntity(REPORT, "ITU", WMO),
        new AdoptReport(REPORT, WMO));
  }

  /** The same exception, rule and words as Axon's answer for a report that does not exist. */
  @ParameterizedTest
  @MethodSource("everyKindOfCommandOfWmo")
  void aDelegateOfAnEntityThatIsNotAMemberIsAnsweredAsForAReportThatDoesNotExist(ReportCommand command) {
    fixture
        .given(concat(ituParagraph(), member(ITU)))
        .when(command)
        .expectNoEvents()
        .expectException(unknownReport());
  }

  @Test
  void aRemovedMembersDelegatesLoseAccessAtOnce() {
    fixture
        .given(concat(ituParagraph(), member(WMO), new MemberEntityRemoved(REPORT, "WMO", SECRETARY, EARLIER)))
        .when(new DraftParagraph(REPORT, OTHER_PARA, INTRO, "Words.", null, WMO))
        .expectNoEvents()
        .expectException(unknownReport());
  }

  /**
   * A report written before members existed has no membership event: the entities whose delegates
   * drafted in it are its members (ADR 0007), and nobody else's delegates.
   */
  @Test
  void aReportWrittenBeforeMembersExistedTakesTheEntitiesThatDraftedInItAsMembers() {
    fixture
        .given(ituParagraph())
        .when(new SubmitParagraph(REPORT, PARA, ITU))
        .expectSuccessfulHandlerExecution();
    newFixture()
        .given(ituParagraph())
        .when(new DraftParagraph(REPORT, OTHER_PARA, INTRO, "Words.", null, WMO))
        .expectException(unknownReport());
  }

  @Test
  void aLegacyMemberCanBeRemovedLikeAnyOther() {
    fixture
        .given(concat(ituParagraph(), new MemberEntityRemoved(REPORT, "ITU", SECRETARY, EARLIER)))
        .when(new SubmitParagraph(REPORT, PARA, ITU))
        .expectException(unknownReport());
  }

  @Test
  void theChairAuditorAndAdminNeedNoMembership() {
    fixture
        .given(ituParagraph())
        .when(new AdoptReport(REPORT, AUDITOR))
        .expectException(forbidden("forbidden-role"));
  }

  private static Matcher<ReportRuleViolation> unknownReport() {
    return Matchers.allOf(
        notFound("unknown-report"),
        Matchers.hasProperty("message", Matchers.equalTo("No report '" + REPORT + "' exists.")));
  }
}
