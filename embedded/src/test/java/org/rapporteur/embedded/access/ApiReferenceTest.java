package org.rapporteur.embedded.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.problem.ProblemType;

/**
 * docs/api.md cannot drift from what the product serves: every served operation has its
 * {@code ### METHOD path} heading there, every heading is served unless listed as arriving (and
 * such a line fails once it is served), and its problem types table is the catalogue's, row for
 * row. A failure names exactly what differs.
 */
class ApiReferenceTest extends AccessApiTest {

  static final Path REFERENCE = Path.of("..", "docs", "api.md");
  private static final Pattern HEADING = Pattern.compile("^### ([A-Z]+) (/\\S*)$", Pattern.MULTILINE);
  private static final String ARRIVING = "## Arriving with issue 16";
  private static final Pattern ARRIVING_LINE = Pattern.compile("^- ([A-Z]+) (/\\S*)$", Pattern.MULTILINE);
  private static final String START = "<!-- problem-types:start -->";
  private static final String END = "<!-- problem-types:end -->";

  @Test
  void everyServedOperationIsDocumentedAndEveryDocumentedOneServed() throws Exception {
    String reference = Files.readString(REFERENCE, StandardCharsets.UTF_8);
    Set<String> served = OpenApiChecks.operations(api().get(null, "/v3/api-docs").body());
    Set<String> documented = operations(HEADING, reference);
    int arrivingAt = reference.indexOf(ARRIVING);
    Set<String> arriving = arrivingAt < 0 ? Set.of() : operations(ARRIVING_LINE, reference.substring(arrivingAt));

    List<String> differences = new ArrayList<>();
    for (String operation : served) {
      if (!documented.contains(operation)) {
        differences.add("served but without a '### " + operation + "' heading in docs/api.md");
      }
      if (arriving.contains(operation)) {
        differences.add("served now: remove '- " + operation + "' from '" + ARRIVING + "' in docs/api.md");
      }
    }
    for (String operation : documented) {
      if (!served.contains(operation) && !arriving.contains(operation)) {
        differences.add("documented in docs/api.md but not served: " + operation);
      }
    }
    for (String operation : arriving) {
      if (!documented.contains(operation)) {
        differences.add("listed as arriving but without a '### " + operation + "' heading: " + operation);
      }
    }
    assertThat(differences).as("docs/api.md against /v3/api-docs").isEmpty();
  }

  @Test
  void theProblemTypesTableIsTheCatalogue() throws Exception {
    String reference = Files.readString(REFERENCE, StandardCharsets.UTF_8);
    int start = reference.indexOf(START);
    int end = reference.indexOf(END);
    assertThat(start).as("docs/api.md holds " + START).isNotNegative();
    assertThat(end).as("docs/api.md holds " + END).isGreaterThan(start);
    String documented = reference.substring(start + START.length(), end).strip();
    String expected = table();
    if (!documented.equals(expected)) {
      Path wanted = Path.of("target", "api.md");
      Files.writeString(
          wanted, reference.substring(0, start + START.length()) + "\n" + expected + "\n" + reference.substring(end), StandardCharsets.UTF_8);
      List<String> differences = new ArrayList<>(expected.lines().filter(line -> !documented.lines().toList().contains(line))
          .map(line -> "missing row: " + line).toList());
      documented.lines().filter(line -> !expected.lines().toList().contains(line)).map(line -> "row not in the catalogue: " + line)
          .forEach(differences::add);
      assertThat(differences)
          .as("the problem types of docs/api.md against ProblemType; embedded/target/api.md has the table the catalogue gives")
          .isEmpty();
    }
  }

  /** The catalogue as docs/api.md shows it. */
  static String table() {
    StringBuilder table = new StringBuilder("| type | status | title | extra members | rule |\n|---|---|---|---|---|\n");
    for (ProblemType type : ProblemType.values()) {
      String members =
          type.members().isEmpty()
              ? "-"
              : String.join(", ", type.members().stream().map(member -> "`" + member.memberName() + "`").toList());
      table.append("| `").append(type.slug()).append("` | ").append(type.status()).append(" | ").append(type.title())
          .append(" | ").append(members).append(" | ").append(type.description().replace("|", "\\|")).append(" |\n");
    }
    table.append("\n| extra member | JSON type | meaning |\n|---|---|---|\n");
    for (ProblemType.Member member : ProblemType.Member.values()) {
      table.append("| `").append(member.memberName()).append("` | ").append(member.jsonType()).append(" | ")
          .append(member.description()).append(" |\n");
    }
    return table.toString().strip();
  }

  private static Set<String> operations(Pattern pattern, String text) {
    Set<String> operations = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      operations.add(matcher.group(1) + " " + matcher.group(2));
    }
    return operations;
  }
}
