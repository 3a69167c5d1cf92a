package org.rapporteur.command.report;

import java.util.Objects;
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
      revision = revised.revision();
      text = revised.text();
      revisionAuthor = revised.actor().user();
    }
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
        && status == p.status;
  }

  @Override
  public int hashCode() {
    return Objects.hash(paragraphId, revision, status);
  }
}
