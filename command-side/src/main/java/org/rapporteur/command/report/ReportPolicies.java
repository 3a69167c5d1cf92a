package org.rapporteur.command.report;

import java.util.regex.Pattern;
import org.rapporteur.shared.report.ReportHeader;

/** The field rules every command's input follows before the report's state is even consulted. */
final class ReportPolicies {

  static final int MAX_TITLE = 500;
  static final int MAX_TEXT = 20_000;

  /** I to MMMCMXCIX, written the canonical way. */
  private static final Pattern ROMAN =
      Pattern.compile("M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");

  private ReportPolicies() {}

  static void requireTitle(String field, String value) {
    requireText(field, value, MAX_TITLE);
  }

  static void requireText(String field, String value) {
    requireText(field, value, MAX_TEXT);
  }

  static void requireText(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidCommandException("blank-text", field + " must not be blank");
    }
    if (value.length() > max) {
      throw new InvalidCommandException(
          "text-too-long",
          field + " has " + value.length() + " characters; at most " + max + " are allowed");
    }
  }

  static void requirePresent(String field, Object value) {
    if (value == null) {
      throw new InvalidCommandException("missing-field", field + " is required");
    }
  }

  static void requireChapter(String chapter) {
    if (chapter == null || chapter.isEmpty() || !ROMAN.matcher(chapter).matches()) {
      throw new InvalidCommandException(
          "invalid-chapter", "chapter must be a Roman numeral (I, II, III ...); got '" + chapter + "'");
    }
  }

  static void requireValidHeader(ReportHeader header) {
    requirePresent("header", header);
    requireTitle("body", header.body());
    requireTitle("title", header.title());
    requireTitle("venue", header.venue());
    requireTitle("language", header.language());
    if (header.sessionNumber() <= 0) {
      throw new InvalidCommandException(
          "invalid-session-number", "sessionNumber must be positive; got " + header.sessionNumber());
    }
    requirePresent("startDate", header.startDate());
    requirePresent("endDate", header.endDate());
    if (header.startDate().isAfter(header.endDate())) {
      throw new InvalidCommandException(
          "invalid-dates",
          "startDate " + header.startDate() + " is after endDate " + header.endDate());
    }
  }
}
