package org.rapporteur.shared.draft;

import org.rapporteur.shared.report.AgendaItemId;
import org.rapporteur.shared.report.AgendaItemStatus;

/**
 * An agenda item; {@code number} is set once the agenda is adopted, and never for a withdrawn
 * item.
 */
public record AgendaItemView(
    AgendaItemId itemId,
    Integer number,
    String title,
    AgendaItemStatus status) {}
