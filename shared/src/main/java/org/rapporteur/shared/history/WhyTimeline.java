package org.rapporteur.shared.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapporteur.shared.draft.DiffSegment;
import org.rapporteur.shared.integrity.HashChain;
import org.rapporteur.shared.report.Correction;
import org.rapporteur.shared.report.CorrigendumIssued;
import org.rapporteur.shared.report.OralAmendmentAccepted;
import org.rapporteur.shared.report.OralAmendmentProposed;
import org.rapporteur.shared.report.ParagraphAdoptedInSession;
import org.rapporteur.shared.report.ParagraphApproved;
import org.rapporteur.shared.report.ParagraphBracketed;
import org.rapporteur.shared.report.ParagraphDrafted;
import org.rapporteur.shared.report.ParagraphEvent;
import org.rapporteur.shared.report.ParagraphReturned;
import org.rapporteur.shared.report.ParagraphRevised;
import org.rapporteur.shared.report.ParagraphSubmitted;
import org.rapporteur.shared.report.ParagraphWithdrawn;
import org.rapporteur.shared.report.ReportAdopted;
import org.rapporteur.shared.report.ReportAdoptedAdReferendum;
import org.rapporteur.shared.report.ReportAdoptionConfirmed;
import org.rapporteur.shared.report.ReportEvent;
import org.rapporteur.shared.report.ReservationRecorded;

/** Builds a paragraph's {@link ParagraphWhy} from the report's recorded events. */
public final class WhyTimeline {

  /**
   * A report event with its envelope.
   *
   * @param timestamp the stored instant; the event's own when null
   * @param hash the event's link in the chain, or null
   */
  public record Recorded(long position, String eventId, Instant timestamp, String hash, ReportEvent event) {}

  private WhyTimeline() {}

  /**
   * The timeline of one paragraph, or empty when no event names it.
   *
   * @param events the report's events in position order; other paragraphs' events and facts other
   *     than adoptions are skipped, and an adoption only counts once the paragraph exists
   */
  public static Optional<ParagraphWhy> of(String reportId, String paragraphId, List<Recorded> events) {
    List<WhyEntry> entries = new ArrayList<>();
    Map<Integer, String> texts = new HashMap<>();
    String previousText = "";
    for (Recorded recorded : events) {
      ReportEvent event = recorded.event();
      boolean ofParagraph = event instanceof ParagraphEvent p && p.paragraphId().value().equals(paragraphId)
          || event instanceof ReservationRecorded r && r.paragraphId() != null
              && r.paragraphId().value().equals(paragraphId) && !entries.isEmpty();
      Correction correction = event instanceof CorrigendumIssued c ? correctionOf(c, paragraphId) : null;
      boolean adoption = event instanceof ReportAdopted || event instanceof ReportAdoptedAdReferendum
          || event instanceof ReportAdoptionConfirmed;
      if (!ofParagraph && correction == null && !(adoption && !entries.isEmpty())) {
        continue;
      }
      Instant at = recorded.timestamp() != null ? recorded.timestamp() : event.at();
      String type = event.getClass().getSimpleName();
      WhyEntry entry;
      if (event instanceof ParagraphDrafted e) {
        int revision = e.revision() > 0 ? e.revision() : 1;
        texts.put(revision, e.text());
        entry = entry(recorded, type, at, revision, null, e.text(), TextDiff.between("", e.text()), null,
            e.authorEntity(), null, null, null, null);
        previousText = e.text();
      } else if (event instanceof ParagraphRevised e) {
        texts.put(e.revision(), e.text());
        entry = entry(recorded, type, at, e.revision(), e.baseRevision(), e.text(),
            TextDiff.between(previousText, e.text()), e.approvalReopened(), null, null, null, null, null);
        previousText = e.text();
      } else if (event instanceof ParagraphSubmitted e) {
        entry = entry(recorded, type, at, e.revision(), null, null, null, null, null, null, null, null, null);
      } else if (event instanceof ParagraphReturned e) {
        entry = entry(recorded, type, at, e.revision(), null, null, null, null, null, e.comment(), null, null, null);
      } else if (event instanceof ParagraphApproved e) {
        String approvedText = texts.get(e.revision());
        Boolean matches = e.textHash() == null || approvedText == null
            ? null
            : e.textHash().equals(HashChain.sha256(approvedText));
        entry = entry(recorded, type, at, e.revision(), null, null, null, null, null, null, e.textHash(), matches,
            null);
      } else if (event instanceof OralAmendmentProposed e) {
        entry = entry(recorded, type, at, null, e.baseRevision(), e.text(), TextDiff.between(previousText, e.text()),
            null, null, null, null, null, null).withProposedBy(e.proposedBy());
      } else if (event instanceof OralAmendmentAccepted e) {
        texts.put(e.revision(), e.text());
        entry = entry(recorded, type, at, e.revision(), e.baseRevision(), e.text(),
            TextDiff.between(previousText, e.text()), null, null, null, e.textHash(),
            e.textHash().equals(HashChain.sha256(e.text())), null).withProposedBy(e.proposedBy());
        previousText = e.text();
      } else if (event instanceof ParagraphBracketed e) {
        entry = entry(recorded, type, at, e.revision(), null, null, null, null, null, null, null, null, null);
      } else if (event instanceof ParagraphAdoptedInSession e) {
        String adoptedText = texts.get(e.revision());
        Boolean matches = adoptedText == null ? null : e.textHash().equals(HashChain.sha256(adoptedText));
        entry = entry(recorded, type, at, e.revision(), null, null, null, null, null, null, e.textHash(), matches, null);
      } else if (correction != null) {
        texts.put(correction.revision(), correction.text());
        entry = entry(recorded, type, at, correction.revision(), correction.baseRevision(), correction.text(),
            TextDiff.between(previousText, correction.text()), null, null, ((CorrigendumIssued) event).reason(),
            correction.textHash(), correction.textHash().equals(HashChain.sha256(correction.text())), null)
            .withSymbol(((CorrigendumIssued) event).symbol());
        previousText = correction.text();
      } else if (event instanceof ReportAdoptedAdReferendum e) {
        entry = entry(recorded, type, at, null, null, null, null, null, null, null, null, null, e.headHash());
      } else if (event instanceof ReportAdoptionConfirmed e) {
        entry = entry(recorded, type, at, null, null, null, null, null, null, null, null, null, e.headHash());
      } else if (event instanceof ReservationRecorded e) {
        // What a delegation put on record about the paragraph: its words, and whose they are.
        entry = entry(recorded, type, at, null, null, null, null, null, null, e.text(), null, null, null)
            .withProposedBy(e.entity());
      } else if (event instanceof ParagraphWithdrawn) {
        entry = entry(recorded, type, at, null, null, null, null, null, null, null, null, null, null);
      } else if (event instanceof ReportAdopted e) {
        entry = entry(recorded, type, at, null, null, null, null, null, null, null, null, null, e.headHash());
      } else {
        entry = null;
      }
      if (entry != null) {
        entries.add(entry);
      }
    }
    return entries.isEmpty() ? Optional.empty() : Optional.of(new ParagraphWhy(reportId, paragraphId, entries));
  }

  private static Correction correctionOf(CorrigendumIssued corrigendum, String paragraphId) {
    return corrigendum.corrections().stream()
        .filter(c -> c.paragraphId().value().equals(paragraphId))
        .findFirst()
        .orElse(null);
  }

  private static WhyEntry entry(Recorded recorded, String type, Instant at, Integer revision, Integer baseRevision,
      String text, List<DiffSegment> diff, Boolean approvalReopened,
      String authorEntity, String comment, String textHash, Boolean textHashMatches, String headHash) {
    return new WhyEntry(recorded.position(), recorded.eventId(), type, at, recorded.event().actor(), recorded.hash(),
        revision, baseRevision, text, diff, approvalReopened, authorEntity, comment, textHash, textHashMatches,
        headHash);
  }
}
