package org.rapporteur.command.web;

import java.util.List;
import java.util.function.Function;
import org.rapporteur.shared.report.Identifiers;

/**
 * Turns the raw ids of a request into typed ids. A malformed id in the path names nothing that
 * can exist (404); a malformed id in the body is invalid input (400) naming its field.
 */
final class PathIds {

  private PathIds() {}

  static <T> T path(String value, String what, Function<String, T> type) {
    if (!Identifiers.isValid(value)) {
      throw new UnknownPathIdException(what, value);
    }
    return type.apply(value);
  }

  static <T> T body(String value, String field, Function<String, T> type) {
    if (value == null) {
      return null;
    }
    if (!Identifiers.isValid(value)) {
      throw new InvalidBodyIdException(field, value);
    }
    return type.apply(value);
  }

  static <T> List<T> bodyList(List<String> values, String field, Function<String, T> type) {
    return values == null ? List.of() : values.stream().map(v -> body(v, field, type)).toList();
  }

  /** A path id that cannot name anything. */
  static final class UnknownPathIdException extends RuntimeException {
    UnknownPathIdException(String what, String value) {
      super("no " + what + " '" + value + "' exists");
    }
  }

  /** A body id with characters no id has. */
  static final class InvalidBodyIdException extends RuntimeException {
    final String field;

    InvalidBodyIdException(String field, String value) {
      super(field + " '" + value + "' is not a valid id: 1 to 64 letters, digits, '.', '_' or '-'");
      this.field = field;
    }
  }
}
