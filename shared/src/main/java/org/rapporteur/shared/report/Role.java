package org.rapporteur.shared.report;

/** What a user does in the drafting of a report; see PRODUCT.md for what each may and may never do. */
public enum Role {
  SECRETARY,
  DELEGATE,
  CHAIR,
  AUDITOR,
  ADMIN
}
