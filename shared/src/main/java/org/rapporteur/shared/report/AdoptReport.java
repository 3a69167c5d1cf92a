package org.rapporteur.shared.report;

/** Adopt the report, which freezes it. */
public record AdoptReport(
    ReportId reportId,
    Actor actor)
    implements ReportCommand {}
