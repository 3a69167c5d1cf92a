package org.rapporteur.shared.draft;

import java.time.Instant;
import java.util.List;
import org.rapporteur.shared.report.CorrigendumId;
import org.rapporteur.shared.report.ParagraphId;

/**
 * A corrigendum issued to the adopted report: {@code GET .../corrigenda/{number}/document.*}
 * renders it from the record.
 *
 * @param symbol the report's symbol with {@code /Corr.n}, or null when the report has none
 * @param position the report's position of the corrigendum: the text as adopted is the draft at
 *     the position before it
 * @param paragraphIds the paragraphs it corrects
 */
public record CorrigendumView(
    CorrigendumId corrigendumId,
    int number,
    String symbol,
    String reason,
    long position,
    Instant at,
    List<ParagraphId> paragraphIds) {

  public CorrigendumView {
    paragraphIds = paragraphIds == null ? List.of() : List.copyOf(paragraphIds);
  }
}
