package org.rapporteur.shared.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a corrigendum; its JSON form and {@code toString()} are the raw value. */
public record CorrigendumId(String value) {

  public CorrigendumId {
    Identifiers.requireValid(value, "CorrigendumId");
  }

  @JsonCreator
  public static CorrigendumId of(String value) {
    return new CorrigendumId(value);
  }

  /** A new, random identifier, for ids the server chooses. */
  public static CorrigendumId random() {
    return new CorrigendumId(Identifiers.random());
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
