package org.rapporteur.shared.report;

/** Confirm the adoption of a report adopted ad referendum. */
public record ConfirmReportAdoption(ReportId reportId, Actor actor) implements ReportCommand {}
