package org.rapporteur.shared.report;

/** A participant's part in the meeting; the annex lists the chair and the secretary first. */
public enum ParticipantRole {
  CHAIR,
  SECRETARY,
  REPRESENTATIVE
}
