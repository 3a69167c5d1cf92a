package org.rapporteur.shared.draft;

import java.util.List;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphStatus;

/**
 * A paragraph in its section; {@code number} is computed across the report, null when withdrawn.
 * From the adoption session on, numbers are frozen: a paragraph inserted in session takes the
 * number of the numbered unit before it and a {@code numberSuffix} ("bis", "ter" ...).
 *
 * @param orallyAmended whether the chair accepted an oral amendment of it in session
 * @param oralAmendments the oral amendments proposed on it in session, accepted or not, oldest first
 */
public record ParagraphUnit(
    ParagraphId paragraphId,
    Integer number,
    String numberSuffix,
    String text,
    ParagraphStatus status,
    int revision,
    String authorEntity,
    boolean orallyAmended,
    List<OralAmendmentView> oralAmendments)
    implements DraftUnit {

  public ParagraphUnit {
    oralAmendments = oralAmendments == null ? List.of() : List.copyOf(oralAmendments);
  }

  /** A paragraph as drafting knows it: no suffix, no oral amendment. */
  public ParagraphUnit(
      ParagraphId paragraphId, Integer number, String text, ParagraphStatus status, int revision, String authorEntity) {
    this(paragraphId, number, null, text, status, revision, authorEntity, false, List.of());
  }
}
