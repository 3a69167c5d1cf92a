package org.rapporteur.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference report's 25 paragraphs, read from the text extracted from its PDF (a copy under
 * test resources). The extraction puts an empty line between every two lines, breaks paragraphs
 * where PDF lines ended, and leaves link lists and footnotes between them; this parser keeps only
 * the numbered paragraphs' text, without their numbers.
 */
final class ReferenceText {

  private static final String RESOURCE = "reference/un-space-40th-session-report.zh.txt";
  private static final Pattern NUMBERED = Pattern.compile("\\s*(\\d+)\\. (.*)");
  private static final Pattern HEADING = Pattern.compile("\\s*([A-H]|[一二])\\. .*|\\s*附件\\s*");

  private ReferenceText() {}

  static List<String> paragraphs() {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = null;
    int expected = 1;
    boolean inList = false;
    for (String line : lines()) {
      if (line.isEmpty()) {
        continue;
      }
      if (inList) {
        // A numbered list inside a paragraph (the adopted agenda) runs to the next heading.
        inList = !HEADING.matcher(line).matches();
        continue;
      }
      Matcher numbered = NUMBERED.matcher(line);
      boolean startsNext = numbered.matches() && Integer.parseInt(numbered.group(1)) == expected;
      boolean ends = numbered.matches() || line.isBlank() || line.startsWith("http")
          || line.startsWith("____") || HEADING.matcher(line).matches();
      if (current != null && (startsNext || ends)) {
        paragraphs.add(current.toString());
        current = null;
      }
      if (startsNext) {
        current = new StringBuilder(numbered.group(2).strip());
        expected++;
      } else if (numbered.matches()) {
        inList = true;
      } else if (current != null && !ends) {
        current.append(line.strip());
      }
    }
    if (current != null) {
      paragraphs.add(current.toString());
    }
    return paragraphs;
  }

  /** Compares texts as the PDF extraction allows: line breaks and spaces are not reliable. */
  static String withoutWhitespace(String text) {
    return text.replaceAll("\\s+", "");
  }

  private static List<String> lines() {
    try (InputStream in = ReferenceText.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
