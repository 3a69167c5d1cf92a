package org.rapporteur.shared.report;

import java.time.Instant;

/** A proposed agenda item's title was changed. */
public record AgendaItemAmended(
    ReportId reportId,
    AgendaItemId itemId,
    String title,
    Actor actor,
    Instant at)
    implements ReportEvent {}
