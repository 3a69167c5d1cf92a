package org.rapporteur.shared.report;

import java.time.Instant;
import java.util.List;

/**
 * A section was laid out under a chapter, covering zero or more agenda items, placed after {@code
 * afterSectionId} or, when null, last.
 */
public record SectionAdded(
    ReportId reportId,
    SectionId sectionId,
    String chapter,
    String title,
    List<AgendaItemId> agendaItemIds,
    SectionId afterSectionId,
    Actor actor,
    Instant at)
    implements ReportEvent {

  public SectionAdded {
    agendaItemIds = agendaItemIds == null ? List.of() : List.copyOf(agendaItemIds);
  }
}
