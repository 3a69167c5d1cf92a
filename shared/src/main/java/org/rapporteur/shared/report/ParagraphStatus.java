package org.rapporteur.shared.report;

public enum ParagraphStatus {
  DRAFT,
  SUBMITTED,
  RETURNED,
  APPROVED,
  WITHDRAWN
}
