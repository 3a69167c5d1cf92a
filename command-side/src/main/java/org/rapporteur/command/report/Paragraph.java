package org.rapporteur.command.report;

import java.util.LinkedHashMap;
import java.util.Objects;
import org.rapporteur.shared.report.Correction;
import org.rapporteur.shared.report.OralAmendmentAccepted;
import org.rapporteur.shared.report.OralAmendmentId;
import org.rapporteur.shared.report.OralAmendmentProposed;
import org.rapporteur.shared.report.ParagraphDrafted;
import org.rapporteur.shared.report.ParagraphEvent;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphRevised;
import org.rapporteur.shared.report.ParagraphStatus;
import org.rapporteur.shared.report.ParagraphTransition;
import org.rapporteur.shared.report.SectionId;

/**
 * One paragraph of the report, as its rules need it: its section (placement), author entity (who
 * may change it), current revision and text (stale edits), who wrote that revision (segregation
 * of duties) and its status. It owns its transitions: {@link #require} checks a fact against
 * {@link ParagraphTransition}'s table before the report applies it, and {@link #on} takes the
 * next status from the same table.
 *
 * <p>Fields are plain and non-final because snapshots serialise the report by field.
 */
final class Paragraph {

  private ParagraphId paragraphId;
  private SectionId sectionId;
  private String authorEntity;
  private int revision;
  private String text;
  private String revisionAuthor;
  private ParagraphStatus status;
  /** The oral amendments proposed on it in session, by id. */
  private LinkedHashMap<OralAmendmentId, OralAmendment> amendments = new LinkedHashMap<>();

  /** An oral amendment as the rules need it: the revision it was proposed on, its text, whether accepted. */
  record OralAmendment(int baseRevision, String text, String proposedBy, boolean accepted) {}

  /** For snapshots. */
  private Paragraph() {}

  static Paragraph drafted(ParagraphDrafted event) {
    Paragraph paragraph = new Paragraph();
    paragraph.paragraphId = event.paragraphId();
    paragraph.sectionId = event.sectionId();
    paragraph.authorEntity = event.authorEntity();
    paragraph.revision = event.revision();
    paragraph.text = event.text();
    paragraph.revisionAuthor = event.actor().user();
    paragraph.status = ParagraphStatus.DRAFT;
    return paragraph;
  }

  /**
   * Refuses a transition the table does not allow from the current status, naming the rule and
   * what the paragraph may do instead.
   */
  void require(ParagraphTransition transition, String rule, String what) {
    if (!transition.allowedFrom(status)) {
      throw new StateConflictException(
          rule, "paragraph " + paragraphId + " is " + status + "; only " + what);
    }
  }

  // ---- event sourcing: assignments only ------------------------------------------------------

  void on(ParagraphEvent event) {
    status = ParagraphTransition.after(status, event);
    if (event instanceof ParagraphRevised revised) {
      newRevision(revised.revision(), revised.text(), revised.actor().user());
    } else if (event instanceof OralAmendmentProposed proposed) {
      amendments.put(
          proposed.amendmentId(),
          new OralAmendment(proposed.baseRevision(), proposed.text(), proposed.proposedBy(), false));
    } else if (event instanceof OralAmendmentAccepted accepted) {
      amendments.computeIfPresent(
          accepted.amendmentId(), (id, a) -> new OralAmendment(a.baseRevision(), a.text(), a.proposedBy(), true));
      newRevision(accepted.revision(), accepted.text(), accepted.actor().user());
    }
  }

  /** A corrigendum's correction: the paragraph's text and revision change, its status stays. */
  void corrected(Correction correction, String author) {
    newRevision(correction.revision(), correction.text(), author);
  }

  private void newRevision(int newRevision, String newText, String author) {
    revision = newRevision;
    text = newText;
    revisionAuthor = author;
  }

  // ---- what the report's rules read ----------------------------------------------------------

  SectionId sectionId() {
    return sectionId;
  }

  String authorEntity() {
    return authorEntity;
  }

  int revision() {
    return revision;
  }

  String text() {
    return text;
  }

  String revisionAuthor() {
    return revisionAuthor;
  }

  /** The oral amendment proposed on this paragraph under that id, or null. */
  OralAmendment amendment(OralAmendmentId amendmentId) {
    return amendments.get(amendmentId);
  }

  boolean hasAmendment(OralAmendmentId amendmentId) {
    return amendments.containsKey(amendmentId);
  }

  ParagraphStatus status() {
    return status;
  }

  boolean isLive() {
    return status != ParagraphStatus.WITHDRAWN;
  }

  /** By value, as the record it replaces was: the test fixture compares a replayed report with the working one. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Paragraph p
        && revision == p.revision
        && Objects.equals(paragraphId, p.paragraphId)
        && Objects.equals(sectionId, p.sectionId)
        && Objects.equals(authorEntity, p.authorEntity)
        && Objects.equals(text, p.text)
        && Objects.equals(revisionAuthor, p.revisionAuthor)
        && status == p.status
        && amendments.equals(p.amendments);
  }

  @Override
  public int hashCode() {
    return Objects.hash(paragraphId, revision, status);
  }
}
