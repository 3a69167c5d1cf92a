package org.rapporteur.command.report;

import org.rapporteur.shared.report.ParagraphStatus;
import org.rapporteur.shared.report.SectionId;

/**
 * What the rules need to know of one paragraph: its section (for placement), its author entity
 * (who may change it), its current revision and text (stale edits), who wrote that revision
 * (segregation of duties) and its status.
 */
record ParagraphState(
    SectionId sectionId,
    String authorEntity,
    int revision,
    String text,
    String revisionAuthor,
    ParagraphStatus status) {

  ParagraphState revised(int newRevision, String newText, String author) {
    return new ParagraphState(sectionId, authorEntity, newRevision, newText, author, ParagraphStatus.DRAFT);
  }

  ParagraphState withStatus(ParagraphStatus newStatus) {
    return new ParagraphState(sectionId, authorEntity, revision, text, revisionAuthor, newStatus);
  }

  boolean isLive() {
    return status != ParagraphStatus.WITHDRAWN;
  }
}
