package org.rapporteur.shared.draft;

import java.util.List;

/**
 * The Latin suffixes UN documents give a unit inserted after numbering is frozen: 12, 12 bis,
 * 12 ter ... (API.md 1.1).
 */
public final class NumberSuffixes {

  /** In order; the first is the second unit of a number. */
  public static final List<String> SUFFIXES = List.of(
      "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies",
      "undecies", "duodecies", "terdecies", "quaterdecies", "quindecies", "sexdecies", "septdecies",
      "octodecies", "novodecies", "vicies");

  private NumberSuffixes() {}

  /**
   * The suffix of rank {@code rank}: 1 is "bis"; past the Latin list (twenty units on one number,
   * which no meeting reaches) the rank in parentheses, so that a suffix is never reused.
   */
  public static String ofRank(int rank) {
    return rank <= SUFFIXES.size() ? SUFFIXES.get(rank - 1) : "(" + (rank + 1) + ")";
  }

  /** The rank of a suffix: 0 for none, 1 for "bis" ... */
  public static int rank(String suffix) {
    if (suffix == null) {
      return 0;
    }
    int at = SUFFIXES.indexOf(suffix);
    return at >= 0 ? at + 1 : Integer.parseInt(suffix.substring(1, suffix.length() - 1)) - 1;
  }

  /** "12", or "12 bis". */
  public static String label(Integer number, String suffix) {
    if (number == null) {
      return null;
    }
    return suffix == null ? number.toString() : number + " " + suffix;
  }
}
