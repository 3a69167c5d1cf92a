package org.rapporteur.shared.report;

import java.time.Instant;
import java.util.List;

/** The chair adopted the agenda: {@code itemIds} in order are items 1..n, fixed from now on. */
public record AgendaAdopted(
    ReportId reportId,
    List<AgendaItemId> itemIds,
    Actor actor,
    Instant at)
    implements ReportEvent {

  public AgendaAdopted {
    itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
  }
}
