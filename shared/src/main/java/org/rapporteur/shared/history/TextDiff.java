package org.rapporteur.shared.history;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rapporteur.shared.draft.DiffSegment;
import org.rapporteur.shared.draft.DiffSegment.Operation;

/**
 * A minimal diff between two texts (Myers' O(ND) algorithm), by words or by characters.
 *
 * <p>Text in a script written without spaces between words (Chinese, Japanese, Korean, Thai,
 * Lao, Khmer, Myanmar) is compared character by character, since it has no words to split on;
 * other text word by word, where a token is a run of letters and digits, a run of whitespace, or
 * one other character. Either way the segments concatenate back to the texts: the EQUAL and
 * DELETE segments give the old one, the EQUAL and INSERT segments the new one. Adjacent segments
 * of one operation are merged.
 */
public final class TextDiff {

  private static final Set<UnicodeScript> WRITTEN_WITHOUT_SPACES = Set.of(UnicodeScript.HAN,
      UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA, UnicodeScript.HANGUL, UnicodeScript.THAI,
      UnicodeScript.LAO, UnicodeScript.KHMER, UnicodeScript.MYANMAR);

  /**
   * Past this many edits the minimal diff would cost too much memory (it keeps O(D²) ints), and
   * such a rewrite reads no better as a minimal diff than as the old text replaced by the new.
   */
  private static final int MAX_EDITS = 4000;

  private TextDiff() {}

  /** The segments that turn {@code oldText} into {@code newText}; null counts as empty. */
  public static List<DiffSegment> between(String oldText, String newText) {
    String a = oldText == null ? "" : oldText;
    String b = newText == null ? "" : newText;
    boolean byCharacter = isWrittenWithoutSpaces(a) || isWrittenWithoutSpaces(b);
    List<String> oldTokens = byCharacter ? characters(a) : words(a);
    List<String> newTokens = byCharacter ? characters(b) : words(b);
    return new Differ(oldTokens, newTokens).diff();
  }

  /** Whether the text holds any character of a script written without spaces between words. */
  static boolean isWrittenWithoutSpaces(String text) {
    return text.codePoints().anyMatch(c -> WRITTEN_WITHOUT_SPACES.contains(UnicodeScript.of(c)));
  }

  /** One token per code point, so that a character outside the BMP is never split. */
  static List<String> characters(String text) {
    List<String> tokens = new ArrayList<>(text.length());
    text.codePoints().forEach(c -> tokens.add(new String(Character.toChars(c))));
    return tokens;
  }

  /** Runs of letters and digits (with their combining marks), runs of whitespace, other chars. */
  static List<String> words(String text) {
    List<String> tokens = new ArrayList<>();
    int start = 0;
    int kindOfRun = -1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int kind = kind(c);
      if (i > start && (kind != kindOfRun || kind == OTHER)) {
        tokens.add(text.substring(start, i));
        start = i;
      }
      kindOfRun = kind;
      i += Character.charCount(c);
    }
    if (start < text.length()) {
      tokens.add(text.substring(start));
    }
    return tokens;
  }

  private static final int WORD = 0;
  private static final int SPACE = 1;
  private static final int OTHER = 2;

  private static int kind(int c) {
    if (Character.isLetterOrDigit(c)) {
      return WORD;
    }
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK) {
      return WORD;
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c) ? SPACE : OTHER;
  }

  /** Myers' greedy algorithm on tokens interned to ints, with the trace kept for backtracking. */
  private static final class Differ {
    private final List<String> oldTokens;
    private final List<String> newTokens;
    private final int[] a;
    private final int[] b;
    private final List<DiffSegment> segments = new ArrayList<>();
    private final StringBuilder equal = new StringBuilder();
    private final StringBuilder deleted = new StringBuilder();
    private final StringBuilder inserted = new StringBuilder();

    Differ(List<String> oldTokens, List<String> newTokens) {
      this.oldTokens = oldTokens;
      this.newTokens = newTokens;
      Map<String, Integer> interned = new HashMap<>();
      this.a = oldTokens.stream().mapToInt(t -> interned.computeIfAbsent(t, k -> interned.size()))
          .toArray();
      this.b = newTokens.stream().mapToInt(t -> interned.computeIfAbsent(t, k -> interned.size()))
          .toArray();
    }

    List<DiffSegment> diff() {
      int prefix = 0;
      while (prefix < a.length && prefix < b.length && a[prefix] == b[prefix]) {
        prefix++;
      }
      int suffix = 0;
      while (suffix < a.length - prefix && suffix < b.length - prefix
          && a[a.length - 1 - suffix] == b[b.length - 1 - suffix]) {
        suffix++;
      }
      emit(Operation.EQUAL, oldTokens, 0, prefix);
      middle(prefix, a.length - suffix, prefix, b.length - suffix);
      emit(Operation.EQUAL, oldTokens, a.length - suffix, a.length);
      flush();
      return List.copyOf(segments);
    }

    /** Diffs a[aFrom, aTo) against b[bFrom, bTo), whose ends differ. */
    private void middle(int aFrom, int aTo, int bFrom, int bTo) {
      int n = aTo - aFrom;
      int m = bTo - bFrom;
      if (n == 0 || m == 0) {
        emit(Operation.DELETE, oldTokens, aFrom, aTo);
        emit(Operation.INSERT, newTokens, bFrom, bTo);
        return;
      }
      int max = n + m;
      int offset = max + 1;
      int[] v = new int[2 * max + 3];
      // trace.get(d) holds v[k] for k in [-d-1, d+1] as it stood before step d.
      List<int[]> trace = new ArrayList<>();
      int found = -1;
      for (int d = 0; d <= max && found < 0; d++) {
        if (d > MAX_EDITS) {
          emit(Operation.DELETE, oldTokens, aFrom, aTo);
          emit(Operation.INSERT, newTokens, bFrom, bTo);
          return;
        }
        int[] snapshot = new int[2 * d + 3];
        System.arraycopy(v, offset - d - 1, snapshot, 0, snapshot.length);
        trace.add(snapshot);
        for (int k = -d; k <= d; k += 2) {
          int x;
          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
            x = v[offset + k + 1];
          } else {
            x = v[offset + k - 1] + 1;
          }
          int y = x - k;
          while (x < n && y < m && a[aFrom + x] == b[bFrom + y]) {
            x++;
            y++;
          }
          v[offset + k] = x;
          if (x >= n && y >= m) {
            found = d;
            break;
          }
        }
      }
      backtrack(trace, found, aFrom, bFrom, n, m);
    }

    private void backtrack(List<int[]> trace, int edits, int aFrom, int bFrom, int n, int m) {
      // Walks back from (n, m), collecting moves in reverse, then emits them forwards.
      List<int[]> moves = new ArrayList<>();
      int x = n;
      int y = m;
      for (int d = edits; d >= 0; d--) {
        int[] snapshot = trace.get(d);
        int k = x - y;
        int prevK;
        if (k == -d || (k != d && at(snapshot, d, k - 1) < at(snapshot, d, k + 1))) {
          prevK = k + 1;
        } else {
          prevK = k - 1;
        }
        int prevX = d == 0 ? 0 : at(snapshot, d, prevK);
        int prevY = d == 0 ? 0 : prevX - prevK;
        while (x > prevX && y > prevY) {
          x--;
          y--;
          moves.add(new int[] {0, x});
        }
        if (d > 0) {
          if (x == prevX) {
            moves.add(new int[] {1, prevY});
          } else {
            moves.add(new int[] {-1, prevX});
          }
        }
        x = prevX;
        y = prevY;
      }
      for (int i = moves.size() - 1; i >= 0; i--) {
        int[] move = moves.get(i);
        if (move[0] == 0) {
          emit(Operation.EQUAL, oldTokens, aFrom + move[1], aFrom + move[1] + 1);
        } else if (move[0] == 1) {
          emit(Operation.INSERT, newTokens, bFrom + move[1], bFrom + move[1] + 1);
        } else {
          emit(Operation.DELETE, oldTokens, aFrom + move[1], aFrom + move[1] + 1);
        }
      }
    }

    private static int at(int[] snapshot, int d, int k) {
      return snapshot[k + d + 1];
    }

    /** Between two equal runs, deletions are gathered before insertions, to read as "x → y". */
    private void emit(Operation op, List<String> tokens, int from, int to) {
      StringBuilder target;
      if (op == Operation.EQUAL) {
        flushChanges();
        target = equal;
      } else {
        flushEqual();
        target = op == Operation.DELETE ? deleted : inserted;
      }
      for (int i = from; i < to; i++) {
        target.append(tokens.get(i));
      }
    }

    private void flush() {
      flushEqual();
      flushChanges();
    }

    private void flushEqual() {
      add(Operation.EQUAL, equal);
    }

    private void flushChanges() {
      add(Operation.DELETE, deleted);
      add(Operation.INSERT, inserted);
    }

    private void add(Operation op, StringBuilder text) {
      if (text.length() > 0) {
        segments.add(new DiffSegment(op, text.toString()));
        text.setLength(0);
      }
    }
  }
}
