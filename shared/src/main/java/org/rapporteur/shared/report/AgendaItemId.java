package org.rapporteur.shared.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a agenda item; its JSON form and {@code toString()} are the raw value. */
public record AgendaItemId(String value) {

  public AgendaItemId {
    Identifiers.requireValid(value, "AgendaItemId");
  }

  @JsonCreator
  public static AgendaItemId of(String value) {
    return new AgendaItemId(value);
  }

  /** A new, random identifier, for ids the server chooses. */
  public static AgendaItemId random() {
    return new AgendaItemId(Identifiers.random());
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
