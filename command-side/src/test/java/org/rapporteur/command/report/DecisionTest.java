package org.rapporteur.command.report;

import static org.rapporteur.command.report.ReportFixtures.*;
import static org.rapporteur.command.report.Violations.conflict;
import static org.rapporteur.command.report.Violations.forbidden;
import static org.rapporteur.command.report.Violations.invalid;
import static org.rapporteur.command.report.Violations.notFound;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.report.AdoptDecision;
import org.rapporteur.shared.report.DecisionAdopted;
import org.rapporteur.shared.report.DecisionKind;
import org.rapporteur.shared.report.DecisionProposed;
import org.rapporteur.shared.report.ProposeDecision;

class DecisionTest {

  private static final String AGREED = "The meeting agreed to hold its next session in 2021.";

  private AggregateTestFixture<Report> fixture;

  @BeforeEach
  void setUp() {
    fixture = newFixture();
  }

  @Test
  void delegateProposesADecisionInASection() {
    fixture.given(created(), member(ITU), member(WMO), sectionAdded(INTRO))
        .when(new ProposeDecision(REPORT, DECISION, INTRO, DecisionKind.AGREED, AGREED, ITU))
        .expectEvents(new DecisionProposed(REPORT, DECISION, INTRO, DecisionKind.AGREED, AGREED, "ITU", ITU,
            fixture.currentTime()))
        .expectResultMessagePayload(5L);
  }

  @Test
  void decisionInASectionOfNoReportIsInvalid() {
    fixture.given(created(), member(ITU), member(WMO))
        .when(new ProposeDecision(REPORT, DECISION, INTRO, DecisionKind.AGREED, AGREED, ITU))
        .expectException(invalid("unknown-reference"));
  }

  @Test
  void decisionNeedsAKind() {
    fixture.given(created(), member(ITU), member(WMO), sectionAdded(INTRO))
        .when(new ProposeDecision(REPORT, DECISION, INTRO, null, AGREED, ITU))
        .expectException(invalid("missing-field"));
  }

  @Test
  void decisionNeedsText() {
    fixture.given(created(), member(ITU), member(WMO), sectionAdded(INTRO))
        .when(new ProposeDecision(REPORT, DECISION, INTRO, DecisionKind.NOTED, "", ITU))
        .expectException(invalid("blank-text"));
  }

  @Test
  void auditorCannotProposeADecision() {
    fixture.given(created(), sectionAdded(INTRO))
        .when(new ProposeDecision(REPORT, DECISION, INTRO, DecisionKind.AGREED, AGREED, AUDITOR))
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void chairAdoptsAProposedDecision() {
    fixture.given(created(), sectionAdded(INTRO), decisionProposed(DECISION))
        .when(new AdoptDecision(REPORT, DECISION, CHAIR))
        .expectEvents(new DecisionAdopted(REPORT, DECISION, CHAIR, fixture.currentTime()))
        .expectResultMessagePayload(4L);
  }

  @Test
  void adoptingAnUnknownDecisionIsNotFound() {
    fixture.given(created())
        .when(new AdoptDecision(REPORT, DECISION, CHAIR))
        .expectException(notFound("unknown-decision"));
  }

  @Test
  void adoptingAnAdoptedDecisionIsAConflict() {
    fixture.given(created(), sectionAdded(INTRO), decisionProposed(DECISION),
            new DecisionAdopted(REPORT, DECISION, CHAIR, EARLIER))
        .when(new AdoptDecision(REPORT, DECISION, CHAIR))
        .expectException(conflict("decision-not-proposed"));
  }

  @Test
  void secretaryCannotAdoptADecision() {
    fixture.given(created(), sectionAdded(INTRO), decisionProposed(DECISION))
        .when(new AdoptDecision(REPORT, DECISION, SECRETARY))
        .expectException(forbidden("forbidden-role"));
  }
}
