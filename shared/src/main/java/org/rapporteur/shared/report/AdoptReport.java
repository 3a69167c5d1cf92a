package org.rapporteur.shared.report;

/**
 * Adopt the report, which freezes it; in an adoption session the meeting may adopt it ad
 * referendum, subject to the chair's later confirmation.
 */
public record AdoptReport(ReportId reportId, boolean adReferendum, Actor actor) implements ReportCommand {

  /** Adoption outright, as before adoption sessions. */
  public AdoptReport(ReportId reportId, Actor actor) {
    this(reportId, false, actor);
  }
}
