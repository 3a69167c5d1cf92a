package org.rapporteur.shared.report;

import java.time.Instant;

/** A report was opened with its header; position 1 of its stream. */
public record ReportCreated(
    ReportId reportId,
    ReportHeader header,
    Actor actor,
    Instant at)
    implements ReportEvent {}
