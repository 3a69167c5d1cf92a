package org.rapporteur.shared.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a report; its JSON form and {@code toString()} are the raw value. */
public record ReportId(String value) {

  public ReportId {
    Identifiers.requireValid(value, "ReportId");
  }

  @JsonCreator
  public static ReportId of(String value) {
    return new ReportId(value);
  }

  /** A new, random identifier, for ids the server chooses. */
  public static ReportId random() {
    return new ReportId(Identifiers.random());
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
