package org.rapporteur.shared.report;

import java.util.UUID;
import java.util.regex.Pattern;

/** The one rule every identifier follows, so that ids are safe in URLs, Kafka keys and AKN ids. */
public final class Identifiers {

  /** Letters, digits, dot, underscore and hyphen; 1 to 64 characters. */
  public static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private Identifiers() {}

  static void requireValid(String value, String type) {
    if (value == null || !VALID.matcher(value).matches()) {
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
