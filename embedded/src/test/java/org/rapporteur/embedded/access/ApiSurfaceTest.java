package org.rapporteur.embedded.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.rapporteur.embedded.Api;

/**
 * What a hostile or careless client meets: bodies that try to set what only the server decides,
 * every kind of error as an RFC 9457 problem with nothing internal in it, size limits, and the
 * OpenAPI description of the contract.
 */
class ApiSurfaceTest extends AccessApiTest {

  /** Fields no command body may carry: who acted, statuses, authors, revisions, positions, ids of other objects. */
  private static final List<String> SERVER_FIELDS =
      List.of("actor", "user", "role", "status", "authorEntity", "revision", "position", "reportId");

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void bodyFieldsThatOnlyTheServerSetsAreRejectedByName() throws Exception {
    Api api = api();
    String report = newReportId();
    String base = "/api/reports/" + report;
    long created = json(api.post("secretary", "/api/reports", createReport(report))).get("position").asLong();
    String item = json(api.post("secretary", base + "/agenda-items", "{\"title\":\"Opening\"}")).get("itemId").asText();
    String section = json(api.post("secretary", base + "/sections", "{\"chapter\":\"I\",\"title\":\"Intro\"}")).get("sectionId").asText();
    JsonNode drafted = json(api.post("itu", base + "/paragraphs", "{\"sectionId\":\"" + section + "\",\"text\":\"ITU reported.\"}"));
    String paragraph = drafted.get("paragraphId").asText();
    long position = drafted.get("position").asLong();
    assertThat(position).isGreaterThan(created);

    // method, path, user allowed to send it, a valid body without its closing brace
    List<String[]> commands =
        List.of(
            new String[] {"POST", base + "/agenda-items", "secretary", "{\"title\":\"Other\""},
            new String[] {"PUT", base + "/agenda-items/" + item, "secretary", "{\"title\":\"Opening\""},
            new String[] {"POST", base + "/sections", "secretary", "{\"chapter\":\"II\",\"title\":\"More\""},
            new String[] {"POST", base + "/participants", "secretary", "{\"entity\":\"ITU\",\"name\":\"X\",\"role\":\"CHAIR\""},
            new String[] {"POST", base + "/paragraphs", "itu", "{\"sectionId\":\"" + section + "\",\"text\":\"t\""},
            new String[] {"PUT", base + "/paragraphs/" + paragraph, "itu", "{\"text\":\"t\",\"baseRevision\":1"},
            new String[] {"POST", base + "/paragraphs/" + paragraph + "/approval", "chair", "{\"revision\":1"},
            new String[] {"POST", base + "/paragraphs/" + paragraph + "/return", "chair", "{\"comment\":\"c\""},
            new String[] {"POST", base + "/decisions", "itu", "{\"sectionId\":\"" + section + "\",\"kind\":\"NOTED\",\"text\":\"t\""});
    for (String[] command : commands) {
      for (String field : SERVER_FIELDS) {
        if (field.equals("revision") && command[1].endsWith("/approval")
            || field.equals("role") && command[1].endsWith("/participants")) {
          continue; // the contract's own fields there: the revision approved, the participant's role
        }
        String body = command[3] + ",\"" + field + "\":" + (field.equals("actor") ? "{\"user\":\"chair\",\"role\":\"CHAIR\"}" : "\"APPROVED\"") + "}";
        HttpResponse<String> response = api.send(command[2], command[0], command[1], body);
        String what = command[0] + " " + command[1] + " with " + field;
        assertThat(response.statusCode()).as(what).isEqualTo(400);
        assertThat(json(response).get("type").asText()).as(what).isEqualTo("urn:rapporteur:problem:unknown-field");
        assertThat(json(response).get("field").asText()).as(what).isEqualTo(field);
      }
    }
    HttpResponse<String> withActor =
        api.post("secretary", "/api/reports", createReport(newReportId()).replace("}", ",\"actor\":{\"user\":\"chair\"}}"));
    assertThat(json(withActor).get("field").asText()).isEqualTo("actor");

    JsonNode draft = json(api.getWhenProjected(report, position, Duration.ofSeconds(60)));
    assertThat(draft.get("position").asLong()).as("nothing changed").isEqualTo(position);
  }

  @Test
  void missingCredentialsAreAProblem() throws Exception {
    HttpResponse<String> response = api().get(null, "/api/reports");
    assertProblem(response, 401, "unauthenticated");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"rapporteur\"");
    assertProblem(api().send("nobody", "GET", "/api/reports", null), 401, "unauthenticated");
  }

  @Test
  void unknownPathsAndIdsAreProblemsOnBothSides() throws Exception {
    assertProblem(api().get("auditor", "/api/nothing-here"), 404, "unknown-path");
    assertProblem(api().post("secretary", "/api/nothing-here", "{}"), 404, "unknown-path");
    assertProblem(api().get("auditor", "/api/reports/no-such-report"), 404, "unknown-report");
    assertProblem(api().post("secretary", "/api/reports/no-such-report/agenda-items", "{\"title\":\"x\"}"), 404, "unknown-report");
  }

  @Test
  void wrongMethodIsAProblemOnBothSides() throws Exception {
    assertProblem(api().send("secretary", "DELETE", "/api/reports", null), 405, "method-not-allowed");
    assertProblem(api().send("secretary", "PATCH", "/api/approvals/pending", "{}"), 405, "method-not-allowed");
  }

  @Test
  void bodyThatIsNotJsonIsAProblem() {
    HttpResponse<String> response =
        send(authorized("secretary", "/api/reports").header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build());
    assertProblem(response, 415, "unsupported-media-type");
  }

  @Test
  void malformedJsonIsAProblemWithoutParserInternals() throws Exception {
    HttpResponse<String> response = api().post("secretary", "/api/reports", "{\"title\": ");
    assertProblem(response, 400, "malformed-request");
    assertThat(response.body()).doesNotContain("jackson", "Exception", "org.rapporteur", "line:");
  }

  @Test
  void valueOfTheWrongTypeNamesItsField() throws Exception {
    HttpResponse<String> response = api().post("secretary", "/api/reports", createReport(newReportId()).replace("\"sessionNumber\":40", "\"sessionNumber\":\"forty\""));
    assertProblem(response, 400, "invalid-field");
    assertThat(json(response).get("field").asText()).isEqualTo("sessionNumber");
  }

  @Test
  void missingFieldIsNamed() throws Exception {
    HttpResponse<String> response = api().post("secretary", "/api/reports", createReport(newReportId()).replace("\"title\"", "\"symbol\""));
    assertProblem(response, 400, "invalid-field");
    assertThat(json(response).get("field").asText()).isEqualTo("title");
  }

  @Test
  void textOverTheLimitIsRefusedWithItsField() throws Exception {
    String report = newReportId();
    api().post("secretary", "/api/reports", createReport(report));
    String section =
        json(api().post("secretary", "/api/reports/" + report + "/sections", "{\"chapter\":\"I\",\"title\":\"Intro\"}")).get("sectionId").asText();
    String tooLong = "a".repeat(20_001);
    HttpResponse<String> response =
        api().post("itu", "/api/reports/" + report + "/paragraphs", "{\"sectionId\":\"" + section + "\",\"text\":\"" + tooLong + "\"}");
    assertProblem(response, 400, "invalid-field");
    assertThat(json(response).get("field").asText()).isEqualTo("text");
    HttpResponse<String> longest =
        api().post("itu", "/api/reports/" + report + "/paragraphs", "{\"sectionId\":\"" + section + "\",\"text\":\"" + "a".repeat(20_000) + "\"}");
    assertThat(longest.statusCode()).isEqualTo(201);
  }

  @Test
  void bodyOverTheSizeLimitIsRefusedWith413() {
    byte[] big = ("{\"title\":\"" + "a".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> declared =
        send(authorized("secretary", "/api/reports").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(big)).build());
    assertProblem(declared, 413, "request-too-large");

    // No Content-Length: the body is streamed in chunks, and the filter stops reading past the limit.
    HttpResponse<String> streamed =
        send(authorized("secretary", "/api/reports").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
    assertProblem(streamed, 413, "request-too-large");
  }

  @Test
  void streamedBodyUnderTheLimitIsReadWhole() throws Exception {
    byte[] body = createReport(newReportId()).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        send(authorized("secretary", "/api/reports").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  @Test
  void errorsOutsideControllersAreProblemsToo() throws Exception {
    HttpResponse<String> response = api().get(null, "/error");
    assertProblem(response, 500, "internal-error");
    assertThat(response.body()).doesNotContain("trace", "exception");
  }

  @Test
  void openApiDescribesEveryPathOfTheContract() throws Exception {
    HttpResponse<String> response = api().get(null, "/v3/api-docs");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode doc = json(response);
    TreeSet<String> described = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue().fieldNames().forEachRemaining(method -> described.add(method.toUpperCase() + " " + normalise(path.getKey())));
    }
    List<String> missing = new ArrayList<>();
    for (String operation : ContractOperations.ALL) {
      if (!described.contains(normalise(operation))) {
        missing.add(operation);
      }
    }
    assertThat(missing).as("described: " + described).isEmpty();

    assertThat(doc.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    assertThat(doc.at("/components/securitySchemes/bearer/bearerFormat").asText()).isEqualTo("JWT");
    assertThat(doc.at("/paths/~1api~1reports~1{reportId}/get/responses/200/content/application~1json/schema/$ref").asText())
        .endsWith("/ReportDraft");
    assertThat(doc.at("/paths/~1api~1reports~1{reportId}~1audit/get/responses/200/content/application~1json/schema/items/$ref").asText())
        .endsWith("/AuditEntry");
    assertThat(doc.at("/paths/~1api~1reports~1{reportId}~1paragraphs~1{paragraphId}~1approval/post/responses/403/content/application~1problem+json/schema/$ref").asText())
        .endsWith("/Problem");
    assertThat(doc.at("/components/schemas/ReportDraft/properties/sections").isMissingNode()).isFalse();
  }

  @Test
  void swaggerUiIsServedWithoutCredentials() {
    HttpResponse<String> entry = send(HttpRequest.newBuilder(uri("/swagger-ui.html")).build());
    assertThat(entry.statusCode()).isEqualTo(302);
    String location = entry.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> ui = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port).resolve(location)).build());
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).contains("swagger-ui");
  }

  /** Measured, not asserted: what the credential cache buys an authenticated GET on this machine. */
  @Test
  void authenticatedReadsAreNotBoundByPasswordHashing() {
    Api api = api();
    for (int i = 0; i < 50; i++) {
      api.get("auditor", "/api/reports");
    }
    int requests = 0;
    long start = System.nanoTime();
    long deadline = start + 3_000_000_000L;
    while (requests < 3000 && System.nanoTime() < deadline) {
      assertThat(api.get("auditor", "/api/reports").statusCode()).isEqualTo(200);
      requests++;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("authenticated GET /api/reports, one client: %d requests in %.2f s = %.0f requests/s%n", requests, seconds, requests / seconds);
  }

  private static String normalise(String operation) {
    return operation.replaceAll("\\{[^}]*}", "{}");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String rule) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).as(response.body()).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"type\":\"urn:rapporteur:problem:" + rule + "\"").doesNotContain("\tat ", "stackTrace");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpRequest.Builder authorized(String user, String path) {
    return HttpRequest.newBuilder(uri(path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
