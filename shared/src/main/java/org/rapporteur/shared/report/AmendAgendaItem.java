package org.rapporteur.shared.report;

/** Change the title of a proposed agenda item. */
public record AmendAgendaItem(
    ReportId reportId,
    AgendaItemId itemId,
    String title,
    Actor actor)
    implements ReportCommand {}
