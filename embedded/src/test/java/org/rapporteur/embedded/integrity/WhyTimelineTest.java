package org.rapporteur.embedded.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.rapporteur.embedded.Api;
import org.rapporteur.embedded.EmbeddedApiTest;

/**
 * A paragraph's "why" timeline over HTTP: drafted, revised, returned with a comment, revised,
 * approved and adopted, told with the hashes each act stands on, by the query side and in the
 * evidence bundle alike. Subclasses pick the database.
 */
abstract class WhyTimelineTest extends EmbeddedApiTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String FIRST = "The meeting opened.";
  private static final String SECOND = "The meeting opened on time.";
  private static final String THIRD = "The Chair opened the meeting on time.";

  @Test
  void theTimelineTellsWhoWroteEachRevisionWhyItCameBackAndWhichTextWasApprovedAndAdopted() throws Exception {
    Api api = api();
    String reportId = "why-" + UUID.randomUUID();
    String paragraphId = adoptedParagraph(api, reportId);
    long head = json(api.get("auditor", "/api/reports/" + reportId + "/verification")).get("events").asLong();
    Map<Long, String> hashes = new HashMap<>();
    json(api.get("auditor", "/api/reports/" + reportId + "/audit?minPosition=" + head))
        .forEach(e -> hashes.put(e.get("position").asLong(), e.get("hash").asText()));

    HttpResponse<String> answer = api.get("itu", "/api/reports/" + reportId + "/paragraphs/" + paragraphId + "/why");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode why = json(answer);
    assertThat(why.get("reportId").asText()).isEqualTo(reportId);
    assertThat(why.get("paragraphId").asText()).isEqualTo(paragraphId);
    JsonNode entries = why.get("entries");
    List<String> types = new ArrayList<>();
    entries.forEach(e -> types.add(e.get("type").asText()));
    assertThat(types).containsExactly("ParagraphDrafted", "ParagraphRevised", "ParagraphSubmitted",
        "ParagraphReturned", "ParagraphRevised", "ParagraphSubmitted", "ParagraphApproved", "ReportAdopted");
    long previous = 0;
    for (JsonNode e : entries) {
      assertThat(e.get("position").asLong()).isGreaterThan(previous);
      previous = e.get("position").asLong();
      assertThat(e.get("hash").asText()).as("the entry's link is the audit trail's").isEqualTo(hashes.get(previous));
      assertThat(e.get("eventId").asText()).isNotBlank();
      assertThat(e.get("timestamp").asText()).isNotBlank();
    }
    JsonNode drafted = entries.get(0);
    assertThat(drafted.get("actor").get("user").asText()).isEqualTo("itu");
    assertThat(drafted.get("authorEntity").asText()).isEqualTo("ITU");
    assertThat(drafted.get("revision").asInt()).isEqualTo(1);
    assertThat(drafted.get("text").asText()).isEqualTo(FIRST);
    JsonNode firstRevision = entries.get(1);
    assertThat(firstRevision.get("revision").asInt()).isEqualTo(2);
    assertThat(firstRevision.get("baseRevision").asInt()).isEqualTo(1);
    assertThat(diff(firstRevision)).isEqualTo("=The meeting opened|+ on time|=.");
    JsonNode returned = entries.get(3);
    assertThat(returned.get("actor").get("user").asText()).isEqualTo("chair");
    assertThat(returned.get("revision").asInt()).isEqualTo(2);
    assertThat(returned.get("comment").asText()).isEqualTo("Say who opened it.");
    JsonNode secondRevision = entries.get(4);
    assertThat(secondRevision.get("actor").get("user").asText()).isEqualTo("itu");
    assertThat(diff(secondRevision)).isEqualTo("=The |-meeting|+Chair|= opened|+ the meeting|= on time.");
    JsonNode approved = entries.get(6);
    assertThat(approved.get("actor").get("user").asText()).isEqualTo("chair");
    assertThat(approved.get("revision").asInt()).isEqualTo(3);
    assertThat(approved.get("textHash").asText()).isEqualTo(sha256(THIRD));
    assertThat(approved.get("textHashMatches").asBoolean()).isTrue();
    JsonNode adopted = entries.get(7);
    assertThat(adopted.get("actor").get("user").asText()).isEqualTo("chair");
    assertThat(adopted.get("headHash").asText()).as("the head the chair adopted")
        .isEqualTo(hashes.get(adopted.get("position").asLong() - 1));

    HttpResponse<String> page = api.get("auditor", "/api/reports/" + reportId + "/paragraphs/" + paragraphId + "/why.html");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body())
        .contains("@media print", "Returned revision 2 to its authors", "Say who opened it.",
            "<div class=\"text\" lang=\"en\">" + THIRD + "</div>",
            "The <del>meeting</del><ins>Chair</ins> opened<ins> the meeting</ins> on time.", sha256(THIRD),
            "the SHA-256 of revision 3's text",
            "Report adopted", adopted.get("headHash").asText());
  }

  @Test
  void aDelegateWhoseEntityIsNoMemberIsAnsweredAsForAReportThatDoesNotExist() throws Exception {
    Api api = api();
    String reportId = "why-" + UUID.randomUUID();
    String paragraphId = adoptedParagraph(api, reportId);
    String missing = "why-" + UUID.randomUUID();

    for (String suffix : List.of("/why", "/why.html")) {
      HttpResponse<String> hidden = api.get("wmo", "/api/reports/" + reportId + "/paragraphs/" + paragraphId + suffix);
      HttpResponse<String> absent = api.get("wmo", "/api/reports/" + missing + "/paragraphs/" + paragraphId + suffix);
      assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(404);
      assertThat(json(hidden).get("type").asText()).isEqualTo(json(absent).get("type").asText())
          .isEqualTo("urn:rapporteur:problem:unknown-report");
      assertThat(api.get("itu", "/api/reports/" + reportId + "/paragraphs/" + paragraphId + suffix).statusCode())
          .isEqualTo(200);
    }
    HttpResponse<String> unknown = api.get("itu", "/api/reports/" + reportId + "/paragraphs/no-such-paragraph/why");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("type").asText()).isEqualTo("urn:rapporteur:problem:unknown-paragraph");
  }

  @Test
  void theEvidenceBundleHoldsEveryParagraphsTimelineAsTheQuerySideTellsIt() throws Exception {
    Api api = api();
    String reportId = "why-" + UUID.randomUUID();
    String paragraphId = adoptedParagraph(api, reportId);
    JsonNode served = json(api.get("auditor", "/api/reports/" + reportId + "/paragraphs/" + paragraphId + "/why"));

    Map<String, byte[]> files = unzip(evidence(reportId));

    assertThat(files).containsKey("why/" + paragraphId + ".json");
    JsonNode bundled = JSON.readTree(files.get("why/" + paragraphId + ".json"));
    assertThat(bundled).as("the store's timeline is the projection's").isEqualTo(served);
    assertThat(bundled.get("entries").get(6).get("textHash").asText()).isEqualTo(sha256(THIRD));
  }

  /**
   * A report whose only members are ITU; its paragraph drafted by ITU, revised, submitted,
   * returned with a comment, revised, submitted, approved by the chair; the report adopted.
   */
  private String adoptedParagraph(Api api, String reportId) throws Exception {
    assertThat(api.post("secretary", "/api/reports", createReport(reportId, "\"ITU\"")).statusCode()).isEqualTo(201);
    assertThat(api.post("secretary", "/api/reports/" + reportId + "/agenda-items", "{\"title\":\"Opening\"}").statusCode())
        .isEqualTo(201);
    String sectionId = json(api.post("secretary", "/api/reports/" + reportId + "/sections",
        "{\"chapter\":\"I\",\"title\":\"Introduction\"}")).get("sectionId").asText();
    HttpResponse<String> drafted = api.post("itu", "/api/reports/" + reportId + "/paragraphs",
        "{\"sectionId\":\"" + sectionId + "\",\"text\":\"" + FIRST + "\"}");
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String paragraphId = json(drafted).get("paragraphId").asText();
    String paragraph = "/api/reports/" + reportId + "/paragraphs/" + paragraphId;
    ok(api.put("itu", paragraph, "{\"text\":\"" + SECOND + "\",\"baseRevision\":1}"));
    ok(api.post("itu", paragraph + "/submission", null));
    ok(api.post("chair", paragraph + "/return", "{\"comment\":\"Say who opened it.\"}"));
    ok(api.put("itu", paragraph, "{\"text\":\"" + THIRD + "\",\"baseRevision\":2}"));
    ok(api.post("itu", paragraph + "/submission", null));
    ok(api.post("chair", paragraph + "/approval", "{\"revision\":3}"));
    long position = json(ok(api.post("chair", "/api/reports/" + reportId + "/adoption", null))).get("position").asLong();
    assertThat(api.getWhenProjected(reportId, position, PATIENCE).statusCode()).isEqualTo(200);
    return paragraphId;
  }

  private static HttpResponse<String> ok(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  /** The diff as "=kept|+inserted|-deleted" segments. */
  private static String diff(JsonNode entry) {
    List<String> segments = new ArrayList<>();
    entry.get("diff").forEach(s -> segments.add(switch (s.get("op").asText()) {
      case "EQUAL" -> "=";
      case "INSERT" -> "+";
      default -> "-";
    } + s.get("text").asText()));
    return String.join("|", segments);
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private byte[] evidence(String reportId) throws Exception {
    String credentials = Base64.getEncoder().encodeToString("auditor:demo".getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports/" + reportId + "/evidence"))
            .header("Authorization", "Basic " + credentials).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.body();
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }
}
