package org.rapporteur.embedded.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapporteur.embedded.Api;
import org.rapporteur.embedded.EmbeddedApiTest;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The query side through HTTP for a report driven through the commands by hand: time travel
 * checked against a hand-written history, the audit trail's filters and pages, paragraph history,
 * read-your-writes under concurrent writers, the rebuild and the health endpoint.
 */
abstract class ProjectionApiTest extends EmbeddedApiTest {

  /** Short, so that the test of a position beyond the stream is quick. */
  static final Duration MAX_POSITION_WAIT = Duration.ofMillis(1500);

  private Api api;
  private String report;
  private String paragraph;
  private List<String> timestamps;

  static void projectionProperties(DynamicPropertyRegistry registry, String url, String user, String password) {
    properties(registry, url, user, password);
    registry.add("rapporteur.kafka.max-position-wait", MAX_POSITION_WAIT::toString);
  }

  /**
   * The hand-checked history: 1 created, 2 ITU a member, 3 item "Opening", 4 section I, 5 ITU drafts
   * "Alpha beta gamma", 6 ITU revises it to "Alpha delta gamma", 7 ITU submits, 8 the chair approves.
   */
  @BeforeEach
  void driveAReport() throws Exception {
    api = api();
    report = "tt-" + UUID.randomUUID();
    ok(api.post("secretary", "/api/reports", createReport(report, "\"ITU\"")));
    String item = json(ok(api.post("secretary", path("/agenda-items"), "{\"title\":\"Opening\"}"))).get("itemId").asText();
    String section = json(ok(api.post("secretary", path("/sections"),
        "{\"chapter\":\"I\",\"title\":\"Organization\",\"agendaItemIds\":[\"" + item + "\"]}"))).get("sectionId").asText();
    paragraph = json(ok(api.post("itu", path("/paragraphs"),
        "{\"sectionId\":\"" + section + "\",\"text\":\"Alpha beta gamma\"}"))).get("paragraphId").asText();
    ok(api.put("itu", path("/paragraphs/" + paragraph), "{\"text\":\"Alpha delta gamma\",\"baseRevision\":1}"));
    ok(api.post("itu", path("/paragraphs/" + paragraph + "/submission"), null));
    long last = json(ok(api.post("chair", path("/paragraphs/" + paragraph + "/approval"), "{\"revision\":2}"))).get("position").asLong();
    assertThat(last).isEqualTo(8);
    JsonNode audit = json(ok(api.get("auditor", path("/audit?minPosition=8"))));
    timestamps = new ArrayList<>();
    audit.forEach(entry -> timestamps.add(entry.get("timestamp").asText()));
    assertThat(timestamps).hasSize(8);
  }

  @Test
  void timeTravelAnswersTheDraftAsItStoodAtEachPosition() throws Exception {
    JsonNode one = draftAt("atPosition=1");
    assertThat(one.get("position").asLong()).isEqualTo(1);
    assertThat(one.get("agenda")).isEmpty();
    assertThat(one.get("sections")).isEmpty();

    JsonNode two = draftAt("atPosition=3");
    assertThat(two.get("agenda")).hasSize(1);
    assertThat(two.get("agenda").get(0).get("title").asText()).isEqualTo("Opening");
    assertThat(two.get("agenda").get(0).get("status").asText()).isEqualTo("PROPOSED");
    assertThat(two.get("sections")).isEmpty();

    JsonNode four = draftAt("atPosition=5");
    JsonNode drafted = four.get("sections").get(0).get("paragraphs").get(0);
    assertThat(four.get("sections").get(0).get("letter").asText()).isEqualTo("A");
    assertThat(drafted.get("text").asText()).isEqualTo("Alpha beta gamma");
    assertThat(drafted.get("revision").asInt()).isEqualTo(1);
    assertThat(drafted.get("status").asText()).isEqualTo("DRAFT");
    assertThat(drafted.get("number").asInt()).isEqualTo(1);

    JsonNode six = draftAt("atPosition=7").get("sections").get(0).get("paragraphs").get(0);
    assertThat(six.get("text").asText()).isEqualTo("Alpha delta gamma");
    assertThat(six.get("revision").asInt()).isEqualTo(2);
    assertThat(six.get("status").asText()).isEqualTo("SUBMITTED");

    JsonNode now = json(ok(api.get("auditor", path(""))));
    assertThat(now.get("sections").get(0).get("paragraphs").get(0).get("status").asText()).isEqualTo("APPROVED");
    assertThat(draftAt("atPosition=8")).isEqualTo(now);
    assertThat(draftAt("asOf=" + enc(timestamps.get(4)))).isEqualTo(draftAt("atPosition=5"));
  }

  @Test
  void theChairsQueueListsSubmittedParagraphsAndProposedDecisionsAcrossReports() throws Exception {
    String other = "pq-" + UUID.randomUUID();
    ok(api.post("secretary", "/api/reports", createReport(other)));
    String section = json(ok(api.post("secretary", "/api/reports/" + other + "/sections",
        "{\"chapter\":\"I\",\"title\":\"Introduction\"}"))).get("sectionId").asText();
    String waiting = json(ok(api.post("itu", "/api/reports/" + other + "/paragraphs",
        "{\"sectionId\":\"" + section + "\",\"text\":\"The Meeting was opened.\"}"))).get("paragraphId").asText();
    ok(api.post("itu", "/api/reports/" + other + "/paragraphs/" + waiting + "/submission", null));
    JsonNode proposed = json(ok(api.post("wmo", "/api/reports/" + other + "/decisions",
        "{\"sectionId\":\"" + section + "\",\"kind\":\"AGREED\",\"text\":\"The Meeting agreed to meet again.\"}")));
    long position = proposed.get("position").asLong();

    JsonNode queue = json(ok(api.get("chair", "/api/approvals/pending?reportId=" + other + "&minPosition=" + position)));
    assertThat(queue).hasSize(2);
    assertThat(queue.get(0).get("paragraphId").asText()).isEqualTo(waiting);
    assertThat(queue.get(0).get("revision").asInt()).isEqualTo(1);
    assertThat(queue.get(0).get("authorEntity").asText()).isEqualTo("ITU");
    assertThat(queue.get(1).get("decisionId").asText()).isEqualTo(proposed.get("decisionId").asText());

    List<String> acrossReports = new ArrayList<>();
    json(ok(api.get("chair", "/api/approvals/pending"))).forEach(entry -> acrossReports.add(entry.get("reportId").asText()));
    assertThat(acrossReports).contains(other).doesNotContain(report);

    long approved = json(ok(api.post("chair", "/api/reports/" + other + "/paragraphs/" + waiting + "/approval",
        "{\"revision\":1}"))).get("position").asLong();
    JsonNode after = json(ok(api.get("chair", "/api/approvals/pending?reportId=" + other + "&minPosition=" + approved)));
    assertThat(after).hasSize(1);
    assertThat(after.get(0).get("decisionId").asText()).isEqualTo(proposed.get("decisionId").asText());
    assertProblem(api.get("chair", "/api/approvals/pending?minPosition=1"), 400);
  }

  @Test
  void timeTravelRefusesPositionsAndInstantsOutsideTheReport() {
    assertProblem(api.get("auditor", path("?atPosition=0")), 400);
    assertProblem(api.get("auditor", path("?atPosition=9")), 400);
    assertProblem(api.get("auditor", path("?atPosition=seven")), 400);
    assertProblem(api.get("auditor", path("?asOf=yesterday")), 400);
    assertProblem(api.get("auditor", path("?atPosition=2&asOf=" + enc(timestamps.get(1)))), 400);
    assertProblem(api.get("auditor", path("?asOf=2000-01-01T00:00:00Z")), 404);
    assertProblem(api.get("auditor", "/api/reports/no-such-report?atPosition=1"), 404);
  }

  @Test
  void theAuditTrailFiltersByActorTypeParagraphAndTime() throws Exception {
    assertThat(positions(path("/audit?actor=itu"))).containsExactly(5L, 6L, 7L);
    assertThat(positions(path("/audit?type=ParagraphRevised"))).containsExactly(6L);
    assertThat(positions(path("/audit?paragraphId=" + paragraph))).containsExactly(5L, 6L, 7L, 8L);
    assertThat(positions(path("/audit?actor=chair&type=ParagraphApproved"))).containsExactly(8L);
    assertThat(positions(path("/audit?from=" + enc(timestamps.get(5))))).contains(6L, 7L, 8L).doesNotContain(1L);
    assertThat(positions(path("/audit?to=" + enc(timestamps.get(5))))).contains(1L).doesNotContain(6L, 7L, 8L);
    assertProblem(api.get("auditor", path("/audit?type=NoSuchEvent")), 400);
  }

  @Test
  void theAuditTrailIsPagedWithALinkToTheNextPage() throws Exception {
    List<Long> seen = new ArrayList<>();
    String next = path("/audit?limit=3");
    int pages = 0;
    while (next != null) {
      HttpResponse<String> page = ok(api.get("auditor", next));
      json(page).forEach(entry -> seen.add(entry.get("position").asLong()));
      pages++;
      next = page.headers().firstValue("Link").map(ProjectionApiTest::nextPath).orElse(null);
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
  }

  @Test
  void paragraphHistoryShowsEveryRevisionWithItsAuthorStatusChangesAndAWordDiff() throws Exception {
    JsonNode history = json(ok(api.get("auditor", path("/paragraphs/" + paragraph + "/history"))));
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("text").asText()).isEqualTo("Alpha beta gamma");
    assertThat(history.get(0).get("author").get("entity").asText()).isEqualTo("ITU");
    JsonNode second = history.get(1);
    assertThat(second.get("revision").asInt()).isEqualTo(2);
    StringBuilder deleted = new StringBuilder();
    StringBuilder inserted = new StringBuilder();
    StringBuilder after = new StringBuilder();
    second.get("diff").forEach(segment -> {
      String op = segment.get("op").asText();
      String text = segment.get("text").asText();
      if (op.equals("DELETE")) deleted.append(text);
      if (op.equals("INSERT")) inserted.append(text);
      if (!op.equals("DELETE")) after.append(text);
    });
    assertThat(deleted.toString().trim()).isEqualTo("beta");
    assertThat(inserted.toString().trim()).isEqualTo("delta");
    assertThat(after.toString()).isEqualTo("Alpha delta gamma");
    assertThat(second.get("statusChanges").toString()).contains("SUBMITTED").contains("APPROVED");
    assertProblem(api.get("auditor", path("/paragraphs/no-such-paragraph/history")), 404);
  }

  @Test
  void readersWithMinPositionSeeTheirOwnWritesUnderConcurrentWriters() throws Exception {
    int writers = 8;
    int itemsEach = 5;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<Integer>> results = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      results.add(pool.submit(() -> {
        Api own = api();
        int checked = 0;
        for (int i = 0; i < itemsEach; i++) {
          JsonNode written = json(ok(own.post("secretary", path("/agenda-items"), "{\"title\":\"W" + writer + "-" + i + "\"}")));
          long position = written.get("position").asLong();
          JsonNode draft = json(ok(own.get("itu", path("?minPosition=" + position))));
          assertThat(draft.get("position").asLong()).isGreaterThanOrEqualTo(position);
          assertThat(draft.get("agenda").toString()).contains(written.get("itemId").asText());
          checked++;
        }
        return checked;
      }));
    }
    int checked = 0;
    for (Future<Integer> result : results) {
      checked += result.get();
    }
    pool.shutdown();
    assertThat(checked).isEqualTo(writers * itemsEach);
  }

  @Test
  void aPositionBeyondTheStreamAnswers503WithRetryAfterAfterTheConfiguredWait() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> answer = api.get("auditor", path("?minPosition=1000"));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    assertProblem(answer, 503);
    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    assertThat(waited).isGreaterThanOrEqualTo(MAX_POSITION_WAIT);
  }

  @Test
  void anAdminRebuildsTheProjectionsAndTheyAnswerAsBefore() throws Exception {
    String before = ok(api.get("auditor", path(""))).body();
    String auditBefore = ok(api.get("auditor", path("/audit"))).body();
    assertThat(api.post("secretary", "/api/admin/projections/rebuild", null).statusCode()).isEqualTo(403);

    HttpResponse<String> started = api.post("admin", "/api/admin/projections/rebuild", null);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = json(started).get("rebuildId").asText();
    JsonNode status = awaitRebuild(id);

    assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("COMPLETED");
    assertThat(status.get("eventsApplied").asLong()).isGreaterThanOrEqualTo(7);
    assertThat(ok(api.get("auditor", path(""))).body()).isEqualTo(before);
    assertThat(ok(api.get("auditor", path("/audit"))).body()).isEqualTo(auditBefore);
    // The live projector goes on in the new generation: a command after the switch is readable.
    HttpResponse<String> after = api.post("secretary", path("/agenda-items"), "{\"title\":\"After the rebuild\"}");
    assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
    assertThat(ok(api.get("auditor", path("?minPosition=" + json(after).get("position").asLong()))).body())
        .contains("After the rebuild");
    assertProblem(api.get("admin", "/api/admin/projections/rebuild/no-such-rebuild"), 404);
    assertThat(api.get("auditor", "/api/admin/projections/rebuild/" + id).statusCode()).isEqualTo(403);
  }

  @Test
  void healthShowsKafkaLagAndParkedEventsToAnAdminOnly() throws Exception {
    JsonNode health = json(api.get("admin", "/actuator/health"));
    assertThat(health.get("status").asText()).as(health.toString()).isEqualTo("UP");
    JsonNode projection = health.get("components").get("projection").get("details");
    assertThat(projection.get("kafka").get("reachable").asBoolean()).isTrue();
    assertThat(projection.get("parkedEvents").asLong()).isZero();
    assertThat(projection.get("projectorRunning").asBoolean()).isTrue();
    assertThat(projection.get("lag").has("total")).isTrue();
    assertThat(health.get("components").has("db")).isTrue();

    JsonNode anonymous = json(api.get(null, "/actuator/health"));
    assertThat(anonymous.get("status").asText()).isEqualTo("UP");
    assertThat(anonymous.has("components")).isFalse();
  }

  private JsonNode awaitRebuild(String id) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      JsonNode status = json(ok(api.get("admin", "/api/admin/projections/rebuild/" + id)));
      if (!status.get("status").asText().equals("RUNNING") || System.nanoTime() > deadline) {
        return status;
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  private JsonNode draftAt(String query) throws Exception {
    return json(ok(api.get("auditor", path("?" + query))));
  }

  private List<Long> positions(String path) throws Exception {
    List<Long> positions = new ArrayList<>();
    json(ok(api.get("auditor", path))).forEach(entry -> positions.add(entry.get("position").asLong()));
    return positions;
  }

  private String path(String rest) {
    return "/api/reports/" + report + rest;
  }

  private static String nextPath(String link) {
    Matcher matcher = Pattern.compile("<https?://[^/]+([^>]+)>;\\s*rel=\"next\"").matcher(link);
    assertThat(matcher.find()).as(link).isTrue();
    return matcher.group(1);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return response;
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).contains("urn:rapporteur:problem:");
  }
}
