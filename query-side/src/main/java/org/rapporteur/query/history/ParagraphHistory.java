package org.rapporteur.query.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rapporteur.query.draft.RecordedEvent;
import org.rapporteur.shared.history.TextDiff;
import org.rapporteur.shared.draft.ParagraphRevisionView;
import org.rapporteur.shared.draft.OralAmendmentView;
import org.rapporteur.shared.draft.StatusChange;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.Correction;
import org.rapporteur.shared.report.CorrigendumIssued;
import org.rapporteur.shared.report.OralAmendmentAccepted;
import org.rapporteur.shared.report.OralAmendmentProposed;
import org.rapporteur.shared.report.ParagraphApproved;
import org.rapporteur.shared.report.ParagraphDrafted;
import org.rapporteur.shared.report.ParagraphEvent;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphReturned;
import org.rapporteur.shared.report.ParagraphRevised;
import org.rapporteur.shared.report.ParagraphStatus;
import org.rapporteur.shared.report.ParagraphSubmitted;
import org.rapporteur.shared.report.ParagraphTransition;

/**
 * The answer of {@code GET /api/reports/{r}/paragraphs/{p}/history}: who wrote each revision of
 * a paragraph and when, what happened to it while it was current, and how it differs from the
 * revision before.
 */
public final class ParagraphHistory {

  private ParagraphHistory() {}

  /**
   * One entry per revision of the paragraph, oldest first; empty when the events never name it.
   * Revision 1's diff inserts its whole text. A revision that reopened an approval starts with a
   * DRAFT status change, so the chair sees the approved text went back to draft.
   *
   * @param eventsOfTheReport the report's events in position order (other paragraphs' events
   *     and other facts are skipped)
   */
  public static List<ParagraphRevisionView> of(ParagraphId id, List<RecordedEvent> eventsOfTheReport) {
    List<Revision> revisions = new ArrayList<>();
    ParagraphStatus status = null;
    for (RecordedEvent recorded : eventsOfTheReport) {
      Revision current = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
      if (recorded.event() instanceof CorrigendumIssued corrigendum && current != null) {
        // A corrigendum corrects the adopted text: a revision of its own, the status unchanged.
        for (Correction correction : corrigendum.corrections()) {
          if (correction.paragraphId().equals(id)) {
            Revision corrected = new Revision(correction.revision(), correction.text(), current.text,
                corrigendum.actor(), recorded);
            corrected.origin = "CORRIGENDUM";
            corrected.corrigendumNumber = corrigendum.number();
            revisions.add(corrected);
          }
        }
        continue;
      }
      if (!(recorded.event() instanceof ParagraphEvent event) || !id.equals(event.paragraphId())) {
        continue;
      }
      ParagraphStatus before = status;
      status = ParagraphTransition.after(status, event);
      if (event instanceof ParagraphDrafted e) {
        revisions.add(new Revision(e.revision() > 0 ? e.revision() : 1, e.text(), "", e.actor(),
            recorded));
      } else if (event instanceof ParagraphRevised e) {
        Revision revised = new Revision(e.revision(), e.text(),
            current == null ? "" : current.text, e.actor(), recorded);
        if (e.approvalReopened()) {
          revised.change(status, e.revision(), recorded, null);
        }
        revisions.add(revised);
      } else if (event instanceof OralAmendmentProposed e && current != null) {
        current.amendments.add(new OralAmendmentView(e.amendmentId(), e.baseRevision(), e.text(), e.proposedBy(), false));
      } else if (event instanceof OralAmendmentAccepted e) {
        if (current != null) {
          current.amendments.replaceAll(a -> a.amendmentId().equals(e.amendmentId())
              ? new OralAmendmentView(a.amendmentId(), a.baseRevision(), a.text(), a.proposedBy(), true)
              : a);
        }
        Revision amended = new Revision(e.revision(), e.text(), current == null ? "" : current.text, e.actor(),
            recorded);
        amended.origin = "ORAL_AMENDMENT";
        amended.proposedBy = e.proposedBy();
        revisions.add(amended);
      } else if (current == null) {
        continue; // a status change before the paragraph exists: nothing to attach it to
      } else {
        // The status every other fact leaves, from the one transition table the aggregate uses.
        if (status != before) {
          current.change(status, revisionOf(event, current.number), recorded,
              event instanceof ParagraphReturned r ? r.comment() : null);
        }
      }
    }
    return revisions.stream().map(Revision::toView).toList();
  }

  /** The revision a status change names: the event's own where it names one, else the current one. */
  private static int revisionOf(ParagraphEvent event, int current) {
    if (event instanceof ParagraphSubmitted e) {
      return e.revision();
    }
    if (event instanceof ParagraphReturned e) {
      return e.revision();
    }
    if (event instanceof ParagraphApproved e) {
      return e.revision();
    }
    return current;
  }

  private static final class Revision {
    final int number;
    final String text;
    final String previousText;
    final Actor author;
    final RecordedEvent recorded;
    final List<StatusChange> changes = new ArrayList<>();
    String origin;
    String proposedBy;
    Integer corrigendumNumber;
    final List<OralAmendmentView> amendments = new ArrayList<>();

    Revision(int number, String text, String previousText, Actor author, RecordedEvent recorded) {
      this.number = number;
      this.text = text;
      this.previousText = previousText;
      this.author = author;
      this.recorded = recorded;
    }

    void change(ParagraphStatus status, int revision, RecordedEvent event, String comment) {
      changes.add(new StatusChange(status, revision, event.event().actor(), timeOf(event),
          comment));
    }

    ParagraphRevisionView toView() {
      return new ParagraphRevisionView(number, text, author, timeOf(recorded), changes,
          TextDiff.between(previousText, text), origin, proposedBy, corrigendumNumber, amendments);
    }
  }

  private static Instant timeOf(RecordedEvent recorded) {
    return recorded.timestamp() != null ? recorded.timestamp() : recorded.event().at();
  }
}
