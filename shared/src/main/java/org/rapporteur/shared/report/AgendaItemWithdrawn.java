package org.rapporteur.shared.report;

import java.time.Instant;

/** A proposed agenda item was withdrawn; it stays in the history. */
public record AgendaItemWithdrawn(
    ReportId reportId,
    AgendaItemId itemId,
    Actor actor,
    Instant at)
    implements ReportEvent {}
