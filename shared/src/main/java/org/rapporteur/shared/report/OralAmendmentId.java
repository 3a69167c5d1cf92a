package org.rapporteur.shared.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an oral amendment proposed from the floor; its JSON form and {@code toString()} are the raw value. */
public record OralAmendmentId(String value) {

  public OralAmendmentId {
    Identifiers.requireValid(value, "OralAmendmentId");
  }

  @JsonCreator
  public static OralAmendmentId of(String value) {
    return new OralAmendmentId(value);
  }

  /** A new, random identifier, for ids the server chooses. */
  public static OralAmendmentId random() {
    return new OralAmendmentId(Identifiers.random());
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
