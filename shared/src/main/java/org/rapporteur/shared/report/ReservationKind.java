package org.rapporteur.shared.report;

/** What a delegation put on record about a paragraph or a decision. */
public enum ReservationKind {
  RESERVATION,
  EXPLANATION_OF_POSITION
}
