package org.rapporteur.shared.draft;

import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.ReportStatus;

/** A report in the list of reports. */
public record ReportSummary(
    ReportId reportId,
    String title,
    ReportStatus status,
    long position) {}
