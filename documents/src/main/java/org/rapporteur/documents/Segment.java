package org.rapporteur.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A piece of a text as every renderer sees it: plain words, a document symbol to link, the place
 * where the adopted agenda goes, or a footnote marker. Parsing once keeps the three formats in
 * step.
 */
sealed interface Segment permits Segment.Plain, Segment.Symbol, Segment.Agenda, Segment.FootnoteMark {

  /** Where a paragraph embeds the adopted agenda, generated from the agenda itself. */
  String AGENDA_PLACEHOLDER = "{agenda}";

  record Plain(String text) implements Segment {}

  record Symbol(String symbol) implements Segment {

    String url() {
      return DocumentSymbols.RESOLVER + symbol;
    }
  }

  record Agenda() implements Segment {}

  /** A run of n asterisks marks the n-th footnote, as the reference marks its first with "*". */
  record FootnoteMark(int footnote) implements Segment {

    String marker() {
      return "*".repeat(footnote);
    }
  }

  /** A paragraph's text: symbols and the agenda placeholder. */
  static List<Segment> ofParagraph(String text) {
    List<Segment> out = new ArrayList<>();
    String t = text == null ? "" : text;
    int from = 0;
    int at;
    while ((at = t.indexOf(AGENDA_PLACEHOLDER, from)) >= 0) {
      addWithSymbols(out, t.substring(from, at));
      out.add(new Agenda());
      from = at + AGENDA_PLACEHOLDER.length();
    }
    addWithSymbols(out, t.substring(from));
    return out;
  }

  /** A header line: symbols and footnote markers, whose count is limited to the footnotes there are. */
  static List<Segment> ofHeaderLine(String line, int footnotes) {
    List<Segment> out = new ArrayList<>();
    Matcher m = Pattern.compile("\\*+").matcher(line);
    int from = 0;
    while (m.find()) {
      int n = m.group().length();
      if (n > footnotes) {
        continue; // an asterisk with no note behind it stays a plain character
      }
      addWithSymbols(out, line.substring(from, m.start()));
      out.add(new FootnoteMark(n));
      from = m.end();
    }
    addWithSymbols(out, line.substring(from));
    return out;
  }

  /** Text that may cite symbols but holds no placeholder (footnotes, agenda titles). */
  static List<Segment> ofText(String text) {
    List<Segment> out = new ArrayList<>();
    addWithSymbols(out, text == null ? "" : text);
    return out;
  }

  private static void addWithSymbols(List<Segment> out, String text) {
    int from = 0;
    for (DocumentSymbols.Found f : DocumentSymbols.find(text)) {
      if (f.start() > from) {
        out.add(new Plain(text.substring(from, f.start())));
      }
      out.add(new Symbol(f.symbol()));
      from = f.end();
    }
    if (from < text.length()) {
      out.add(new Plain(text.substring(from)));
    }
  }
}
