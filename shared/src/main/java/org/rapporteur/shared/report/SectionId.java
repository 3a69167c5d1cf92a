package org.rapporteur.shared.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a section; its JSON form and {@code toString()} are the raw value. */
public record SectionId(String value) {

  public SectionId {
    Identifiers.requireValid(value, "SectionId");
  }

  @JsonCreator
  public static SectionId of(String value) {
    return new SectionId(value);
  }

  /** A new, random identifier, for ids the server chooses. */
  public static SectionId random() {
    return new SectionId(Identifiers.random());
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
