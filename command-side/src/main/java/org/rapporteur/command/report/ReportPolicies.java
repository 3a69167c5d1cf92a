package org.rapporteur.command.report;

import java.util.regex.Pattern;
import org.rapporteur.shared.report.ReportHeader;

/** The field rules every command's input follows before the report's state is even consulted. */
final class ReportPolicies {

  static final int MAX_TITLE = 500;
  static final int MAX_TEXT = 20_000;
  static final int MAX_SYMBOL = 100;
  static final int MAX_FOOTNOTES = 20;

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
      throw new InvalidCommandException("blank-text", field, field + " must not be blank");
    }
    if (value.length() > max) {
      throw new InvalidCommandException(
          "text-too-long",
          field,
          field + " has " + value.length() + " characters; at most " + max + " are allowed");
    }
    requirePrintable(field, value);
  }

  /** Like {@link #requireText}, for a field that may be left out. */
  static void requireOptionalText(String field, String value, int max) {
    if (value != null) {
      requireText(field, value, max);
    }
  }

  /**
   * Text must be what every output format can carry: the characters XML 1.0 allows, which
   * excludes NUL and the other control characters but tab and line breaks, and unpaired
   * surrogates. NUL would also be refused by PostgreSQL's text columns, on the query side, long
   * after the command was accepted.
   */
  private static void requirePrintable(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean pairedSurrogate =
          Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
      if (pairedSurrogate) {
        i++;
      } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
        throw new InvalidCommandException(
            "invalid-character",
            field,
            field + " holds the character U+" + String.format("%04X", (int) c) + " at index " + i
                + "; control characters (other than tab and line breaks) and unpaired surrogates are not allowed");
      }
    }
  }

  static void requirePresent(String field, Object value) {
    if (value == null) {
      throw new InvalidCommandException("missing-field", field, field + " is required");
    }
  }

  static void requireChapter(String chapter) {
    if (chapter == null || chapter.isEmpty() || !ROMAN.matcher(chapter).matches()) {
      throw new InvalidCommandException(
          "invalid-chapter", "chapter", "chapter must be a Roman numeral (I, II, III ...); got '" + chapter + "'");
    }
  }

  static void requireValidHeader(ReportHeader header) {
    requirePresent("header", header);
    requireTitle("body", header.body());
    requireTitle("title", header.title());
    requireTitle("venue", header.venue());
    requireTitle("language", header.language());
    requireOptionalText("parentMeeting", header.parentMeeting(), MAX_TEXT);
    requireOptionalText("parentAgendaItem", header.parentAgendaItem(), MAX_TEXT);
    requireOptionalText("symbol", header.symbol(), MAX_SYMBOL);
    if (header.footnotes().size() > MAX_FOOTNOTES) {
      throw new InvalidCommandException(
          "too-many-footnotes",
          "footnotes",
          "footnotes has " + header.footnotes().size() + " entries; at most " + MAX_FOOTNOTES + " are allowed");
    }
    for (int i = 0; i < header.footnotes().size(); i++) {
      requireText("footnotes[" + i + "]", header.footnotes().get(i));
    }
    if (header.sessionNumber() <= 0) {
      throw new InvalidCommandException(
          "invalid-session-number", "sessionNumber", "sessionNumber must be positive; got " + header.sessionNumber());
    }
    requirePresent("startDate", header.startDate());
    requirePresent("endDate", header.endDate());
    if (header.startDate().isAfter(header.endDate())) {
      throw new InvalidCommandException(
          "invalid-dates",
          "startDate",
          "startDate " + header.startDate() + " is after endDate " + header.endDate());
    }
  }
}
