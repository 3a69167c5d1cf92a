package org.rapporteur.shared.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a participant; its JSON form and {@code toString()} are the raw value. */
public record ParticipantId(String value) {

  public ParticipantId {
    Identifiers.requireValid(value, "ParticipantId");
  }

  @JsonCreator
  public static ParticipantId of(String value) {
    return new ParticipantId(value);
  }

  /** A new, random identifier, for ids the server chooses. */
  public static ParticipantId random() {
    return new ParticipantId(Identifiers.random());
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
