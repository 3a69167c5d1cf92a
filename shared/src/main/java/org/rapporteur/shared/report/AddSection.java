package org.rapporteur.shared.report;

import java.util.List;

/** Lay out a section under a chapter, covering zero or more agenda items. */
public record AddSection(
    ReportId reportId,
    SectionId sectionId,
    String chapter,
    String title,
    List<AgendaItemId> agendaItemIds,
    SectionId afterSectionId,
    Actor actor)
    implements ReportCommand {

  public AddSection {
    agendaItemIds = agendaItemIds == null ? List.of() : List.copyOf(agendaItemIds);
  }
}
