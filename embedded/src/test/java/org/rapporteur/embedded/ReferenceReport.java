package org.rapporteur.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the reference report says, read from the text extracted from its PDF (a copy under test
 * resources), as the demo module's tests read it. The extraction puts empty lines between lines,
 * breaks paragraphs and headings where PDF lines ended, and leaves link lists and footnotes
 * between paragraphs; texts are therefore compared without whitespace.
 */
final class ReferenceReport {

  private static final String RESOURCE = "reference/un-space-40th-session-report.zh.txt";
  private static final Pattern NUMBERED = Pattern.compile("\\s*(\\d+)\\.\\s+(.*)");
  private static final Pattern SECTION = Pattern.compile("\\s*([A-H])\\. (.*)");
  private static final Pattern CHAPTER = Pattern.compile("\\s*([一二])\\. (.*)");
  private static final Pattern ANNEX = Pattern.compile("\\s*附件\\s*");
  private static final Pattern NAME = Pattern.compile("\\p{Lu}\\. [\\p{L}’'-]+");

  final List<String> paragraphs = new ArrayList<>();
  final Map<String, String> sections = new LinkedHashMap<>();
  final List<String> chapters = new ArrayList<>();
  final List<String> agenda = new ArrayList<>();
  /** The annex's names in its order: chair, secretary, then every entity's representatives. */
  final List<String> annexNames = new ArrayList<>();
  /** The annex without whitespace: entity names wrap across lines there. */
  final String annexText;

  private ReferenceReport(List<String> lines) {
    int annex = 0;
    while (!ANNEX.matcher(lines.get(annex)).matches()) {
      annex++;
    }
    readBody(lines.subList(0, annex));
    StringBuilder text = new StringBuilder();
    for (String line : lines.subList(annex + 1, lines.size())) {
      text.append(line);
      Matcher name = NAME.matcher(line);
      while (name.find()) {
        annexNames.add(name.group());
      }
    }
    annexText = withoutWhitespace(text.toString());
  }

  static ReferenceReport read() {
    try (InputStream in = ReferenceReport.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCE);
      }
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
      return new ReferenceReport(lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String withoutWhitespace(String text) {
    return text.replaceAll("\\s+", "");
  }

  /**
   * Paragraphs run until the next number, heading, link list or footnote; a numbered line that is
   * not the next paragraph starts the adopted agenda, whose items run to the next heading; a
   * heading runs to the next number.
   */
  private void readBody(List<String> lines) {
    List<StringBuilder> paragraphTexts = new ArrayList<>();
    List<StringBuilder> agendaTexts = new ArrayList<>();
    StringBuilder current = null;
    String section = null;
    boolean inAgenda = false;
    for (String line : lines) {
      Matcher numbered = NUMBERED.matcher(line);
      Matcher sectionHeading = SECTION.matcher(line);
      Matcher chapterHeading = CHAPTER.matcher(line);
      if (numbered.matches()) {
        inAgenda = inAgenda || Integer.parseInt(numbered.group(1)) != paragraphTexts.size() + 1;
        current = new StringBuilder(numbered.group(2).strip());
        (inAgenda ? agendaTexts : paragraphTexts).add(current);
        section = null;
      } else if (sectionHeading.matches()) {
        section = sectionHeading.group(1);
        inAgenda = false;
        sections.put(section, withoutWhitespace(sectionHeading.group(2)));
        current = null;
      } else if (chapterHeading.matches()) {
        chapters.add(withoutWhitespace(chapterHeading.group(2)));
        current = null;
      } else if (line.startsWith("http") || line.startsWith("____") || line.strip().startsWith("*")) {
        current = null;
      } else if (section != null) {
        sections.merge(section, withoutWhitespace(line), String::concat);
      } else if (current != null) {
        current.append(line.strip());
      }
    }
    paragraphTexts.forEach(text -> paragraphs.add(withoutWhitespace(text.toString())));
    agendaTexts.forEach(text -> agenda.add(withoutWhitespace(text.toString())));
  }
}
