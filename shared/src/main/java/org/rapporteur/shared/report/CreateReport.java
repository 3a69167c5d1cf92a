package org.rapporteur.shared.report;

/** Open a report with its header; {@code reportId} may be chosen by the client. */
public record CreateReport(
    ReportId reportId,
    ReportHeader header,
    Actor actor)
    implements ReportCommand {}
