package org.rapporteur.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds United Nations document symbols (A/AC.105/1209, A/RES/76/76, ST/SPACE/69) in running text,
 * so that every renderer links the same spans to {@code https://undocs.org/<symbol>}.
 */
final class DocumentSymbols {

  /** Where documents are resolved by symbol; undocs.org redirects to the official document. */
  static final String RESOLVER = "https://undocs.org/";

  /*
   * A symbol starts with a known series (the issuing organ's letters), then '/'-separated
   * components such as AC.105, RES, L.327, Add.1. Only a known series may start it, so "TCP/IP",
   * "HTTP/2" or "和/或" never match; ASCII letters or digits right before it mean we are inside a
   * longer word. Components end on a letter or digit, so a sentence's final dot stays text.
   */
  private static final Pattern SYMBOL =
      Pattern.compile(
          "(?<![A-Za-z0-9/._-])"
              + "(?:A|S|E|ST|T|DP|UNEP|TD|CRC|CCPR|CERD|CEDAW|CAT|CMW|CED|CRPD|FCCC|ICCD|UNW|ECE|IDB|PBC|ISBA)"
              + "(?:/[A-Za-z0-9]+(?:[.\\-][A-Za-z0-9]+)*)+"
              + "(?![A-Za-z0-9/])");

  private static final Pattern DIGIT = Pattern.compile("[0-9]");

  private DocumentSymbols() {}

  /** A symbol found at [start, end) of the text. */
  record Found(int start, int end, String symbol) {

    String url() {
      return RESOLVER + symbol;
    }
  }

  static List<Found> find(String text) {
    List<Found> found = new ArrayList<>();
    if (text == null) {
      return found;
    }
    Matcher m = SYMBOL.matcher(text);
    while (m.find()) {
      // A series prefix with only letters after it ("A/B") is not a document.
      if (DIGIT.matcher(m.group()).find()) {
        found.add(new Found(m.start(), m.end(), m.group()));
      }
    }
    return found;
  }
}
