package org.rapporteur.shared.report;

/** The set verb with which a report records what the meeting did. */
public enum DecisionKind {
  AGREED,
  DECIDED,
  NOTED,
  RECALLED,
  REQUESTED,
  WELCOMED
}
