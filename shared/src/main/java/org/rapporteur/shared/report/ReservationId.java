package org.rapporteur.shared.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a reservation or explanation of position; its JSON form and {@code toString()} are the raw value. */
public record ReservationId(String value) {

  public ReservationId {
    Identifiers.requireValid(value, "ReservationId");
  }

  @JsonCreator
  public static ReservationId of(String value) {
    return new ReservationId(value);
  }

  /** A new, random identifier, for ids the server chooses. */
  public static ReservationId random() {
    return new ReservationId(Identifiers.random());
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
