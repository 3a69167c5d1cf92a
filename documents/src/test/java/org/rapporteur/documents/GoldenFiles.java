package org.rapporteur.documents;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares rendered output with a file under src/test/resources/golden/.
 *
 * <p>After an intended change of layout, regenerate the files and review the diff in git:
 * {@code mvn -pl documents test -Dgolden.update=true}.
 */
final class GoldenFiles {

  private static final Path DIR = Path.of("src", "test", "resources", "golden");

  private GoldenFiles() {}

  static void assertMatches(String name, String actual) throws IOException {
    Path file = DIR.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DIR);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(file)) {
      fail("Golden file %s is missing; create it with -Dgolden.update=true", file);
    }
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      fail("%s differs from the rendered output (regenerate with -Dgolden.update=true if intended)%n%s", file, firstDifference(expected, actual));
    }
  }

  /** The first differing line with its neighbours: enough to see what moved. */
  private static String firstDifference(String expected, String actual) {
    List<String> e = expected.lines().toList();
    List<String> a = actual.lines().toList();
    int i = 0;
    while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
      i++;
    }
    StringBuilder hint = new StringBuilder("first difference at line ").append(i + 1).append(":\n");
    for (int k = Math.max(0, i - 2); k < i; k++) {
      hint.append("  ").append(e.get(k)).append('\n');
    }
    hint.append("- expected: ").append(i < e.size() ? e.get(i) : "<end of file>").append('\n');
    hint.append("+ actual:   ").append(i < a.size() ? a.get(i) : "<end of output>").append('\n');
    hint.append("(expected ").append(e.size()).append(" lines, actual ").append(a.size()).append(')');
    return hint.toString();
  }
}
