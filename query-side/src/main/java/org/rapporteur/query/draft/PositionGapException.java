package org.rapporteur.query.draft;

import org.rapporteur.shared.report.ReportId;

/**
 * An event arrived whose position skips ahead of the next one expected: an event in between is
 * missing, so folding it would build a wrong draft. The caller should park it and re-read the
 * stream from {@link #expected()}.
 */
public final class PositionGapException extends IllegalStateException {
  private final ReportId reportId;
  private final long expected;
  private final long received;

  PositionGapException(ReportId reportId, long expected, long received) {
    super("Report " + reportId + ": expected the event at position " + expected
        + " but received position " + received + "; positions " + expected + ".." + (received - 1)
        + " are missing");
    this.reportId = reportId;
    this.expected = expected;
    this.received = received;
  }

  public ReportId reportId() {
    return reportId;
  }

  public long expected() {
    return expected;
  }

  public long received() {
    return received;
  }
}
