package org.rapporteur.shared.report;

/**
 * Where a paragraph stands; its transitions are {@link ParagraphTransition}'s. {@code BRACKETED}
 * and {@code ADOPTED} are statuses of the adoption session.
 */
public enum ParagraphStatus {
  DRAFT,
  SUBMITTED,
  RETURNED,
  APPROVED,
  WITHDRAWN,
  BRACKETED,
  ADOPTED
}
