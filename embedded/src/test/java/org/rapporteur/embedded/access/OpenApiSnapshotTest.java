package org.rapporteur.embedded.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.json, from which the build generates the client of GeneratedClientTest, is the
 * description the product serves. When the API changes, the failure says what differs and leaves
 * the served description, written as the snapshot is, in embedded/target/openapi.json to copy.
 */
class OpenApiSnapshotTest extends AccessApiTest {

  static final Path SNAPSHOT = Path.of("..", "docs", "openapi.json");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  @Test
  void theSnapshotIsTheServedDescription() throws Exception {
    JsonNode served = JSON.readTree(api().get(null, "/v3/api-docs").body());
    JsonNode snapshot = Files.exists(SNAPSHOT) ? JSON.readTree(Files.readString(SNAPSHOT, StandardCharsets.UTF_8)) : JSON.nullNode();
    if (!served.equals(snapshot)) {
      Path copy = Path.of("target", "openapi.json");
      Files.writeString(copy, write(served), StandardCharsets.UTF_8);
      assertThat(differences(snapshot, served, ""))
          .as("docs/openapi.json against /v3/api-docs; copy embedded/target/openapi.json to docs/openapi.json")
          .isEmpty();
    }
  }

  /** The description as the snapshot holds it: keys sorted, indented, so a change reads as a small diff. */
  static String write(JsonNode description) throws Exception {
    return JSON.writeValueAsString(JSON.convertValue(description, Object.class)) + "\n";
  }

  /** The JSON pointers where the two differ, descending into objects only. */
  private static List<String> differences(JsonNode expected, JsonNode actual, String at) {
    List<String> differences = new ArrayList<>();
    if (expected.isObject() && actual.isObject()) {
      Set<String> names = new TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
        if (!expected.has(name)) {
          differences.add("served but not in the snapshot: " + pointer);
        } else if (!actual.has(name)) {
          differences.add("in the snapshot but not served: " + pointer);
        } else {
          differences.addAll(differences(expected.get(name), actual.get(name), pointer));
        }
      }
    } else if (!expected.equals(actual)) {
      differences.add("differs: " + (at.isEmpty() ? "/" : at));
    }
    return differences;
  }
}
