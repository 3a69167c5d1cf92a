package org.rapporteur.shared.report;

public enum AgendaItemStatus {
  PROPOSED,
  ADOPTED,
  WITHDRAWN
}
