package org.rapporteur.query.draft;

import java.util.ArrayList;
import java.util.List;
import org.rapporteur.shared.draft.DecisionUnit;
import org.rapporteur.shared.draft.DraftUnit;
import org.rapporteur.shared.draft.ParagraphUnit;
import org.rapporteur.shared.draft.PendingApproval;
import org.rapporteur.shared.draft.ReportDraft;
import org.rapporteur.shared.draft.SectionView;
import org.rapporteur.shared.report.DecisionStatus;
import org.rapporteur.shared.report.ParagraphStatus;

/** What waits for the chair in one report, read off its draft. */
public final class PendingApprovals {

  private PendingApprovals() {}

  /**
   * The submitted paragraphs (with the revision to approve) and the proposed decisions of the
   * draft, in document order.
   */
  public static List<PendingApproval> of(ReportDraft draft) {
    List<PendingApproval> pending = new ArrayList<>();
    for (SectionView section : draft.sections()) {
      for (DraftUnit unit : section.paragraphs()) {
        if (unit instanceof ParagraphUnit p && p.status() == ParagraphStatus.SUBMITTED) {
          pending.add(new PendingApproval(draft.reportId(), p.paragraphId(), null, p.revision(),
              p.text(), p.authorEntity()));
        } else if (unit instanceof DecisionUnit d && d.status() == DecisionStatus.PROPOSED) {
          pending.add(new PendingApproval(draft.reportId(), null, d.decisionId(), null, d.text(),
              d.authorEntity()));
        }
      }
    }
    return List.copyOf(pending);
  }
}
