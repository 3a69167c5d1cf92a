package org.rapporteur.embedded.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The checks of the served description can fail: each fault the issue found in the first
 * description, put back into a copy of docs/openapi.json, is reported by name.
 */
class OpenApiChecksTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String APPROVAL = "/api/reports/{reportId}/paragraphs/{paragraphId}/approval";

  @Test
  void theSnapshotHasNoFinding() throws Exception {
    assertThat(OpenApiChecks.findings(snapshot().toString())).isEmpty();
  }

  @Test
  void aReferenceToAMissingSchemaIsFound() throws Exception {
    assertThat(findingsAfter(doc -> ((ObjectNode) doc.at("/components/schemas")).remove("Problem")))
        .anyMatch(finding -> finding.contains("$ref #/components/schemas/Problem does not resolve"));
  }

  @Test
  void anActorParameterIsFound() throws Exception {
    assertThat(
            findingsAfter(
                doc -> ((ArrayNode) doc.at("/paths/" + pointer(APPROVAL) + "/post/parameters"))
                    .addObject().put("name", "actor").put("in", "query").put("required", true)
                    .putObject("schema").put("type", "object")))
        .contains("POST " + APPROVAL + ": asks for the actor, which comes from authentication");
  }

  @Test
  void anAnswerOfAnyTypeAndAnErrorThatIsNoProblemAreFound() throws Exception {
    assertThat(
            findingsAfter(doc -> {
              ObjectNode responses = (ObjectNode) doc.at("/paths/" + pointer(APPROVAL) + "/post/responses");
              ObjectNode ok = (ObjectNode) responses.at("/200/content");
              ok.set("*/*", ok.remove("application/json"));
              ObjectNode forbidden = (ObjectNode) responses.at("/403/content");
              forbidden.set("*/*", forbidden.remove("application/problem+json"));
            }))
        .contains("POST " + APPROVAL + " 200: typed */*", "POST " + APPROVAL + " 403: typed [*/*], not application/problem+json only");
  }

  @Test
  void anOperationWithoutSummaryOrOperationIdIsFound() throws Exception {
    assertThat(
            findingsAfter(doc -> ((ObjectNode) doc.at("/paths/" + pointer(APPROVAL) + "/post")).remove(List.of("summary", "operationId"))))
        .contains("POST " + APPROVAL + ": no summary", "POST " + APPROVAL + ": no operationId");
  }

  @Test
  void aCatalogueThatDiffersFromTheEnumIsFound() throws Exception {
    assertThat(findingsAfter(doc -> ((ArrayNode) doc.get("x-problem-types")).remove(0)))
        .anyMatch(finding -> finding.startsWith("x-problem-types lists"));
  }

  @Test
  void whatTheParserRefusesIsFound() throws Exception {
    assertThat(findingsAfter(doc -> ((ObjectNode) doc).remove("info")))
        .anyMatch(finding -> finding.startsWith("swagger-parser: ") && finding.contains("info"));
  }

  private static List<String> findingsAfter(Consumer<ObjectNode> fault) throws Exception {
    ObjectNode doc = snapshot();
    fault.accept(doc);
    return OpenApiChecks.findings(doc.toString());
  }

  private static ObjectNode snapshot() throws Exception {
    return (ObjectNode) JSON.readTree(Files.readString(OpenApiSnapshotTest.SNAPSHOT, StandardCharsets.UTF_8));
  }

  private static String pointer(String path) {
    return path.replace("~", "~0").replace("/", "~1");
  }
}
