package org.rapporteur.shared.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The upgrade rule both folds apply: who worked in a report written before members existed. */
class MembershipTest {

  private static final ReportId REPORT = ReportId.of("r");
  private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");
  private static final Actor ITU = new Actor("itu", Role.DELEGATE, "ITU");
  private static final Actor SECRETARY = new Actor("secretary", Role.SECRETARY, "SECRETARIAT");
  private static final SectionId SECTION = SectionId.of("s");

  @Test
  void aDelegateThatDraftsMakesItsEntityAMember() {
    assertThat(Membership.impliedBy(new ParagraphDrafted(REPORT, ParagraphId.of("p"), SECTION, null, "Words.", "ITU", 1, ITU, AT)))
        .contains("ITU");
    assertThat(Membership.impliedBy(new DecisionProposed(REPORT, DecisionId.of("d"), SECTION, DecisionKind.NOTED, "Words.", "ITU", ITU, AT)))
        .contains("ITU");
    assertThat(Membership.impliedBy(new AgendaItemProposed(REPORT, AgendaItemId.of("i"), "Item", null, ITU, AT)))
        .contains("ITU");
  }

  @Test
  void theSecretariatAndOtherEventsImplyNobody() {
    assertThat(Membership.impliedBy(new ParagraphDrafted(REPORT, ParagraphId.of("p"), SECTION, null, "Words.", "SECRETARIAT", 1, SECRETARY, AT)))
        .isEmpty();
    assertThat(Membership.impliedBy(new ParagraphSubmitted(REPORT, ParagraphId.of("p"), 1, ITU, AT))).isEmpty();
    assertThat(Membership.impliedBy(
            new ParticipantAdded(REPORT, ParticipantId.of("pt"), "WMO", "H. Pohjola", ParticipantRole.REPRESENTATIVE, SECRETARY, AT)))
        .isEmpty();
    assertThat(Membership.impliedBy(
            new ParagraphDrafted(REPORT, ParagraphId.of("p"), SECTION, null, "Words.", null, 1, new Actor("x", Role.DELEGATE, " "), AT)))
        .isEmpty();
  }
}
