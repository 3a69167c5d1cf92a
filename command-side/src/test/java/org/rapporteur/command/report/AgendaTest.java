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
import org.rapporteur.shared.report.AdoptAgenda;
import org.rapporteur.shared.report.AgendaAdopted;
import org.rapporteur.shared.report.AgendaItemAmended;
import org.rapporteur.shared.report.AgendaItemProposed;
import org.rapporteur.shared.report.AgendaItemWithdrawn;
import org.rapporteur.shared.report.AmendAgendaItem;
import org.rapporteur.shared.report.ProposeAgendaItem;
import org.rapporteur.shared.report.WithdrawAgendaItem;

class AgendaTest {

  private AggregateTestFixture<Report> fixture;

  @BeforeEach
  void setUp() {
    fixture = newFixture();
  }

  @Test
  void delegateProposesAnAgendaItemAtTheNextPosition() {
    fixture
        .given(created(), member(ITU), member(WMO))
        .when(new ProposeAgendaItem(REPORT, ITEM_1, "Opening of the session", null, ITU))
        .expectEvents(
            new AgendaItemProposed(REPORT, ITEM_1, "Opening of the session", null, ITU, fixture.currentTime()))
        .expectResultMessagePayload(4L);
  }

  @Test
  void chairCannotProposeAnAgendaItem() {
    fixture.given(created())
        .when(new ProposeAgendaItem(REPORT, ITEM_1, "Opening", null, CHAIR))
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void agendaItemCannotBePlacedAfterAnItemOfNoReport() {
    fixture.given(created())
        .when(new ProposeAgendaItem(REPORT, ITEM_2, "Opening", ITEM_1, SECRETARY))
        .expectException(invalid("unknown-reference"));
  }

  @Test
  void agendaItemCannotBePlacedAfterAWithdrawnItem() {
    fixture.given(created(), itemProposed(ITEM_1, null), new AgendaItemWithdrawn(REPORT, ITEM_1, SECRETARY, EARLIER))
        .when(new ProposeAgendaItem(REPORT, ITEM_2, "Opening", ITEM_1, SECRETARY))
        .expectException(invalid("unknown-reference"));
  }

  @Test
  void agendaItemTitleMustNotBeBlank() {
    fixture.given(created())
        .when(new ProposeAgendaItem(REPORT, ITEM_1, "  ", null, SECRETARY))
        .expectException(invalid("blank-text"));
  }

  @Test
  void agendaItemIdAlreadyInTheReportIsAConflict() {
    fixture.given(created(), itemProposed(ITEM_1, null))
        .when(new ProposeAgendaItem(REPORT, ITEM_1, "Again", null, SECRETARY))
        .expectException(conflict("duplicate-id"));
  }

  @Test
  void secretaryAmendsAProposedItem() {
    fixture.given(created(), itemProposed(ITEM_1, null))
        .when(new AmendAgendaItem(REPORT, ITEM_1, "Opening of the session", SECRETARY))
        .expectEvents(new AgendaItemAmended(REPORT, ITEM_1, "Opening of the session", SECRETARY, fixture.currentTime()))
        .expectResultMessagePayload(3L);
  }

  @Test
  void delegateCannotAmendAnAgendaItem() {
    fixture.given(created(), member(ITU), member(WMO), itemProposed(ITEM_1, null))
        .when(new AmendAgendaItem(REPORT, ITEM_1, "Mine now", ITU))
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void amendingAnUnknownItemIsNotFound() {
    fixture.given(created())
        .when(new AmendAgendaItem(REPORT, ITEM_1, "Opening", SECRETARY))
        .expectException(notFound("unknown-agenda-item"));
  }

  @Test
  void amendingAWithdrawnItemIsAConflict() {
    fixture.given(created(), itemProposed(ITEM_1, null), new AgendaItemWithdrawn(REPORT, ITEM_1, SECRETARY, EARLIER))
        .when(new AmendAgendaItem(REPORT, ITEM_1, "Opening", SECRETARY))
        .expectException(conflict("agenda-item-withdrawn"));
  }

  @Test
  void secretaryWithdrawsAProposedItem() {
    fixture.given(created(), itemProposed(ITEM_1, null))
        .when(new WithdrawAgendaItem(REPORT, ITEM_1, SECRETARY))
        .expectEvents(new AgendaItemWithdrawn(REPORT, ITEM_1, SECRETARY, fixture.currentTime()))
        .expectResultMessagePayload(3L);
  }

  @Test
  void withdrawingAWithdrawnItemIsAConflict() {
    fixture.given(created(), itemProposed(ITEM_1, null), new AgendaItemWithdrawn(REPORT, ITEM_1, SECRETARY, EARLIER))
        .when(new WithdrawAgendaItem(REPORT, ITEM_1, SECRETARY))
        .expectException(conflict("agenda-item-withdrawn"));
  }

  @Test
  void withdrawingAnUnknownItemIsNotFound() {
    fixture.given(created())
        .when(new WithdrawAgendaItem(REPORT, ITEM_1, SECRETARY))
        .expectException(notFound("unknown-agenda-item"));
  }

  @Test
  void adoptionNumbersLiveItemsInAgendaOrderSkippingWithdrawnOnes() {
    fixture
        .given(
            created(),
            itemProposed(ITEM_1, null),
            itemProposed(ITEM_3, null),
            itemProposed(ITEM_2, ITEM_1),
            new AgendaItemWithdrawn(REPORT, ITEM_3, SECRETARY, EARLIER),
            itemProposed(ITEM_4, ITEM_1))
        .when(new AdoptAgenda(REPORT, CHAIR))
        .expectEvents(
            new AgendaAdopted(REPORT, List.of(ITEM_1, ITEM_4, ITEM_2), CHAIR, fixture.currentTime()))
        .expectResultMessagePayload(7L);
  }

  @Test
  void agendaWithoutLiveItemsCannotBeAdopted() {
    fixture.given(created(), itemProposed(ITEM_1, null), new AgendaItemWithdrawn(REPORT, ITEM_1, SECRETARY, EARLIER))
        .when(new AdoptAgenda(REPORT, CHAIR))
        .expectException(conflict("empty-agenda"));
  }

  @Test
  void onlyTheChairAdoptsTheAgenda() {
    fixture.given(created(), itemProposed(ITEM_1, null))
        .when(new AdoptAgenda(REPORT, SECRETARY))
        .expectException(forbidden("forbidden-role"));
  }

  @Test
  void adoptingTheAgendaTwiceIsAConflict() {
    fixture.given(created(), itemProposed(ITEM_1, null), new AgendaAdopted(REPORT, List.of(ITEM_1), CHAIR, EARLIER))
        .when(new AdoptAgenda(REPORT, CHAIR))
        .expectException(conflict("agenda-already-adopted"));
  }

  @Test
  void adoptedAgendaTakesNoNewItems() {
    fixture.given(created(), itemProposed(ITEM_1, null), new AgendaAdopted(REPORT, List.of(ITEM_1), CHAIR, EARLIER))
        .when(new ProposeAgendaItem(REPORT, ITEM_2, "Late item", null, SECRETARY))
        .expectException(conflict("agenda-already-adopted"));
  }

  @Test
  void adoptedAgendaItemsCannotBeAmended() {
    fixture.given(created(), itemProposed(ITEM_1, null), new AgendaAdopted(REPORT, List.of(ITEM_1), CHAIR, EARLIER))
        .when(new AmendAgendaItem(REPORT, ITEM_1, "Changed", SECRETARY))
        .expectException(conflict("agenda-already-adopted"));
  }

  @Test
  void adoptedAgendaItemsCannotBeWithdrawn() {
    fixture.given(created(), itemProposed(ITEM_1, null), new AgendaAdopted(REPORT, List.of(ITEM_1), CHAIR, EARLIER))
        .when(new WithdrawAgendaItem(REPORT, ITEM_1, SECRETARY))
        .expectException(conflict("agenda-already-adopted"));
  }
}
