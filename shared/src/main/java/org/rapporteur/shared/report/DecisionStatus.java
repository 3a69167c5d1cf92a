package org.rapporteur.shared.report;

public enum DecisionStatus {
  PROPOSED,
  ADOPTED,
  WITHDRAWN
}
