package org.rapporteur.shared.report;

/** Propose an agenda item, after {@code afterItemId} or last. */
public record ProposeAgendaItem(
    ReportId reportId,
    AgendaItemId itemId,
    String title,
    AgendaItemId afterItemId,
    Actor actor)
    implements ReportCommand {}
