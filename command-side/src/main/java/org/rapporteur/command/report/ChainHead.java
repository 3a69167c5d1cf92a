package org.rapporteur.command.report;

import org.rapporteur.shared.report.ReportId;

/**
 * The hash the event store holds for a report's event at a position: what an act that fixes the
 * whole report (its adoption) names as the head of the chain it adopted. The aggregate receives it
 * as a handler parameter: the hash is computed when an event is stored, after the aggregate
 * applied it, so the aggregate's own state never holds it.
 */
@FunctionalInterface
public interface ChainHead {

  /** The stored hash of the report's event at {@code position}, or null when that event has none. */
  String hashAt(ReportId reportId, long position);
}
