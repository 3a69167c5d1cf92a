package org.rapporteur.shared.report;

import java.time.Instant;

/**
 * The chair adopted the report: every live paragraph approved, every decision adopted; frozen from
 * now on.
 */
public record ReportAdopted(
    ReportId reportId,
    Actor actor,
    Instant at)
    implements ReportEvent {}
