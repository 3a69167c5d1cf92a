package org.rapporteur.shared.report;

/** Withdraw a proposed agenda item. */
public record WithdrawAgendaItem(
    ReportId reportId,
    AgendaItemId itemId,
    Actor actor)
    implements ReportCommand {}
