package org.rapporteur.shared.report;

import java.util.UUID;

/** The one rule every identifier follows, so that ids are safe in URLs, Kafka keys and AKN ids. */
public final class Identifiers {

  private static final int MAX_LENGTH = 64;

  private Identifiers() {}

  /**
   * Letters, digits, dot, underscore and hyphen, starting with a letter or digit; 1 to 64
   * characters ({@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}). A loop, not that expression: every id
   * of every event read back is checked, thousands per snapshot, and the expression was 12.7 % of
   * the product's samples under load on large reports (docs/performance.md, fix 11).
   */
  public static boolean isValid(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean letterOrDigit = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!letterOrDigit && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
        return false;
      }
    }
    return true;
  }

  static void requireValid(String value, String type) {
    if (!isValid(value)) {
      throw new InvalidIdentifierException(type, value);
    }
  }

  static String random() {
    return UUID.randomUUID().toString();
  }

  /** An identifier that does not follow {@link #VALID}. */
  public static final class InvalidIdentifierException extends IllegalArgumentException {
    private final String type;

    InvalidIdentifierException(String type, String value) {
      super(type + " must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit; got '" + value + "'");
      this.type = type;
    }

    public String type() {
      return type;
    }
  }
}
