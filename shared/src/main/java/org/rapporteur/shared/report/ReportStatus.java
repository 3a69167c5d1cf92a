package org.rapporteur.shared.report;

/** A report is drafted until the chair adopts it; then it is frozen. */
public enum ReportStatus {
  DRAFT,
  ADOPTED
}
