package org.rapporteur.shared.report;

import java.time.Instant;

/**
 * An agenda item was proposed, placed after {@code afterItemId} or, when that is null, last.
 */
public record AgendaItemProposed(
    ReportId reportId,
    AgendaItemId itemId,
    String title,
    AgendaItemId afterItemId,
    Actor actor,
    Instant at)
    implements ReportEvent {}
