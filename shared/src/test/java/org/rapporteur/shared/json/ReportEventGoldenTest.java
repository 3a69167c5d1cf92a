package org.rapporteur.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapporteur.shared.report.ReportEvent;

/**
 * Stored events never change, so every event's JSON as it was first written must keep loading:
 * the golden files under {@code events/} pin it (see the README there).
 */
class ReportEventGoldenTest {

  private static final EventUpcasters UPCASTERS = ReportEventJson.upcasters();

  @Test
  void everyEventTypeHasAGoldenFileOfItsCurrentVersion() {
    List<String> missing =
        eventTypes()
            .filter(type -> !Files.exists(root().resolve(currentFile(type))))
            .toList();

    assertThat(missing).as("event types without a golden file of their current version").isEmpty();
  }

  @Test
  void everyGoldenFileHasItsExpectedRecord() {
    assertThat(goldenFiles()).containsExactlyInAnyOrderElementsOf(GoldenEvents.expected().keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenFiles")
  void goldenFileLoadsIntoItsRecord(String file) {
    ReportEvent loaded = ReportEventJson.fromBytes(typeOf(file), bytes(file));

    assertThat(loaded).isEqualTo(GoldenEvents.expected().get(file));
  }

  /** Else its upcasters would read it as another version than the one it is. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenFiles")
  void goldenFileNamesTheVersionOfItsFolder(String file) {
    assertThat(EventUpcasters.versionOf(tree(file))).isEqualTo(versionOf(file));
  }

  /** A change of shape that is not a new version, with an upcaster, fails here. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("currentGoldenFiles")
  void eventOfTheCurrentVersionWritesItsGoldenFileBack(String file) {
    ReportEvent loaded = ReportEventJson.fromBytes(typeOf(file), bytes(file));

    assertThat(ReportEventJson.toTree(loaded)).isEqualTo(tree(file));
  }

  /** The publisher reads only the actor of a stored event's JSON, for the record's headers. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("currentGoldenFiles")
  void actorIsReadAloneFromTheJson(String file) {
    assertThat(ReportEventJson.actorOf(bytes(file))).isEqualTo(GoldenEvents.expected().get(file).actor());
  }

  static List<String> goldenFiles() {
    try (Stream<Path> files = Files.walk(root())) {
      return files
          .filter(path -> path.toString().endsWith(".json"))
          .map(path -> root().relativize(path).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<String> currentGoldenFiles() {
    return goldenFiles().stream()
        .filter(file -> versionOf(file) == UPCASTERS.currentVersion(typeOf(file)));
  }

  /** Every event record, through nested sealed interfaces such as {@code ParagraphEvent}. */
  private static Stream<String> eventTypes() {
    return records(ReportEvent.class).map(Class::getSimpleName);
  }

  private static Stream<Class<?>> records(Class<?> type) {
    return type.isRecord()
        ? Stream.of(type)
        : Arrays.stream(type.getPermittedSubclasses()).flatMap(ReportEventGoldenTest::records);
  }

  private static String currentFile(String type) {
    return "v" + UPCASTERS.currentVersion(type) + "/" + type + ".json";
  }

  /** {@code v2/ParagraphDrafted-last.json} holds a ParagraphDrafted. */
  private static String typeOf(String file) {
    return file.substring(file.indexOf('/') + 1).split("[-.]")[0];
  }

  private static int versionOf(String file) {
    return Integer.parseInt(file.substring(1, file.indexOf('/')));
  }

  private static byte[] bytes(String file) {
    try {
      return Files.readAllBytes(root().resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(String file) {
    try {
      return ReportEventJson.mapper().readTree(bytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path root() {
    try {
      return Path.of(ReportEventGoldenTest.class.getResource("/events").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
