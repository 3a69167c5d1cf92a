package org.rapporteur.shared.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a paragraph; its JSON form and {@code toString()} are the raw value. */
public record ParagraphId(String value) {

  public ParagraphId {
    Identifiers.requireValid(value, "ParagraphId");
  }

  @JsonCreator
  public static ParagraphId of(String value) {
    return new ParagraphId(value);
  }

  /** A new, random identifier, for ids the server chooses. */
  public static ParagraphId random() {
    return new ParagraphId(Identifiers.random());
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
