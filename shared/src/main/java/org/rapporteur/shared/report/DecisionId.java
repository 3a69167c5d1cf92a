package org.rapporteur.shared.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a decision; its JSON form and {@code toString()} are the raw value. */
public record DecisionId(String value) {

  public DecisionId {
    Identifiers.requireValid(value, "DecisionId");
  }

  @JsonCreator
  public static DecisionId of(String value) {
    return new DecisionId(value);
  }

  /** A new, random identifier, for ids the server chooses. */
  public static DecisionId random() {
    return new DecisionId(Identifiers.random());
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
