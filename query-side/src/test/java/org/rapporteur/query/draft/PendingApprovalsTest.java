package org.rapporteur.query.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.rapporteur.shared.draft.PendingApproval;
import org.rapporteur.shared.report.DecisionKind;

class PendingApprovalsTest {

  @Test
  void submittedParagraphsAndProposedDecisionsWaitInDocumentOrder() {
    EventLog log = EventLog.created()
        .section("s1", "I", "Introduction").section("s2", "II", "Summary")
        .paragraph("p3", "s2", "three").paragraph("p1", "s1", "one").paragraph("p2", "s1", "two")
        .decision("d1", "s1", DecisionKind.NOTED, "noted").revise("p3", "three, revised")
        .submit("p3").submit("p1");

    assertThat(PendingApprovals.of(DraftState.fold(log.events()).toView()))
        .extracting(a -> String.valueOf(a.paragraphId()), a -> String.valueOf(a.decisionId()),
            PendingApproval::revision, PendingApproval::text, PendingApproval::authorEntity)
        .containsExactly(
            tuple("p1", "null", 1, "one", "ITU"),
            tuple("null", "d1", null, "noted", "ITU"),
            tuple("p3", "null", 2, "three, revised", "ITU"));
  }

  @Test
  void approvedReturnedAndAdoptedUnitsNoLongerWait() {
    EventLog log = EventLog.created().section("s1", "I", "Introduction")
        .paragraph("p1", "s1", "one").paragraph("p2", "s1", "two").paragraph("p3", "s1", "three")
        .decision("d1", "s1", DecisionKind.AGREED, "agreed")
        .submit("p1").approve("p1").submit("p2").returnWith("p2", "no").submit("p3")
        .withdraw("p3").adoptDecision("d1");

    assertThat(PendingApprovals.of(DraftState.fold(log.events()).toView())).isEmpty();
  }

  @Test
  void pendingEntriesNameTheirReport() {
    EventLog log = EventLog.created().section("s1", "I", "Introduction")
        .paragraph("p1", "s1", "one").submit("p1");

    assertThat(PendingApprovals.of(DraftState.fold(log.events()).toView()))
        .extracting(PendingApproval::reportId).containsExactly(EventLog.REPORT);
  }
}
