package org.rapporteur.shared.report;

/**
 * A report is drafted, then possibly taken into an adoption session, then adopted (outright, or ad
 * referendum until the chair confirms it); once adopted it is frozen, but for corrigenda.
 */
public enum ReportStatus {
  DRAFT,
  IN_SESSION,
  ADOPTED_AD_REFERENDUM,
  ADOPTED;

  /** Adopted, outright or ad referendum: the text is frozen. */
  public boolean isAdopted() {
    return this == ADOPTED || this == ADOPTED_AD_REFERENDUM;
  }
}
