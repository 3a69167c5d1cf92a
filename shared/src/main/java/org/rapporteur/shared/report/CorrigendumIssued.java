package org.rapporteur.shared.report;

import java.time.Instant;
import java.util.List;

/**
 * The secretariat issued corrigendum {@code number} to the adopted report: each correction gives a
 * paragraph its corrected text. The text as adopted stays in the record, before this event.
 *
 * @param symbol the report's symbol with {@code /Corr.n}, or null when the report has none
 */
public record CorrigendumIssued(
    ReportId reportId,
    CorrigendumId corrigendumId,
    int number,
    String symbol,
    String reason,
    List<Correction> corrections,
    Actor actor,
    Instant at)
    implements ReportEvent {

  public CorrigendumIssued {
    corrections = corrections == null ? List.of() : List.copyOf(corrections);
  }
}
