package org.rapporteur.embedded.members;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rapporteur.embedded.Api;

/**
 * Every read and write path of the API for each role, a delegate of a member entity ({@code itu})
 * and a delegate of an entity that is not a member ({@code wmo}), over HTTP on the embedded
 * default. The report's only member is ITU. The non-member gets exactly what a report that does
 * not exist answers: the same status, problem type and words, whatever the path; the others get
 * what their role may do. Each write runs on a fresh report, so that the state never decides
 * instead of the caller.
 */
class MembersMatrixTest extends MembersApiTest {

  private static final List<String> USERS = List.of("secretary", "chair", "auditor", "admin", "itu", "wmo");

  private record Row(String name, Set<String> allowed, int success, Function<Fixture, Call> call) {}

  private record Call(String method, String path, String body) {}

  private record Fixture(String report, String item, String section, String participant, String paragraph, String decision,
      long position) {
    String at(String rest) {
      return "/api/reports/" + report + rest;
    }
  }

  private static final Set<String> EVERYONE = Set.of("secretary", "chair", "auditor", "admin", "itu", "wmo");
  private static final Set<String> SECRETARY = Set.of("secretary");
  private static final Set<String> CHAIR = Set.of("chair");
  private static final Set<String> AUDITOR_OR_ADMIN = Set.of("auditor", "admin");
  private static final Set<String> SECRETARY_OR_DELEGATE = Set.of("secretary", "itu", "wmo");
  private static final Set<String> AUTHOR_ENTITY_OR_SECRETARY = Set.of("secretary", "itu");

  private static final List<Row> READS =
      List.of(
          new Row("GET /api/reports/{r}", EVERYONE, 200, f -> get(f.at(""))),
          new Row("GET /api/reports/{r}?minPosition", EVERYONE, 200, f -> get(f.at("?minPosition=" + f.position()))),
          new Row("GET /api/reports/{r}?atPosition", EVERYONE, 200, f -> get(f.at("?atPosition=1"))),
          new Row("GET /api/reports/{r}?asOf", EVERYONE, 200,
              f -> get(f.at("?asOf=" + URLEncoder.encode(Instant.now().toString(), StandardCharsets.UTF_8)))),
          new Row("GET /api/reports/{r}/document.html", EVERYONE, 200, f -> get(f.at("/document.html"))),
          new Row("GET /api/reports/{r}/document.md", EVERYONE, 200, f -> get(f.at("/document.md"))),
          new Row("GET /api/reports/{r}/document.xml", EVERYONE, 200, f -> get(f.at("/document.xml"))),
          new Row("GET /api/reports/{r}/document.html?atPosition", EVERYONE, 200, f -> get(f.at("/document.html?atPosition=2"))),
          new Row("GET /api/reports/{r}/audit", EVERYONE, 200, f -> get(f.at("/audit"))),
          new Row("GET /api/reports/{r}/paragraphs/{p}/history", EVERYONE, 200,
              f -> get(f.at("/paragraphs/" + f.paragraph() + "/history"))),
          new Row("GET /api/reports/{r}/members", EVERYONE, 200, f -> get(f.at("/members"))),
          new Row("GET /api/reports/{r}/verification", EVERYONE, 200, f -> get(f.at("/verification"))),
          new Row("GET /api/reports/{r}/evidence", AUDITOR_OR_ADMIN, 200, f -> get(f.at("/evidence"))),
          new Row("GET /api/approvals/pending?reportId&minPosition", EVERYONE, 200,
              f -> get("/api/approvals/pending?reportId=" + f.report() + "&minPosition=" + f.position())));

  private static final List<Row> WRITES =
      List.of(
          new Row("POST /api/reports/{r}/agenda-items", SECRETARY_OR_DELEGATE, 201,
              f -> new Call("POST", f.at("/agenda-items"), "{\"title\":\"Other matters\"}")),
          new Row("PUT /api/reports/{r}/agenda-items/{i}", SECRETARY, 200,
              f -> new Call("PUT", f.at("/agenda-items/" + f.item()), "{\"title\":\"Opening of the session\"}")),
          new Row("DELETE /api/reports/{r}/agenda-items/{i}", SECRETARY, 200,
              f -> new Call("DELETE", f.at("/agenda-items/" + f.item()), null)),
          new Row("POST /api/reports/{r}/agenda/adoption", CHAIR, 200,
              f -> new Call("POST", f.at("/agenda/adoption"), null)),
          new Row("POST /api/reports/{r}/sections", SECRETARY, 201,
              f -> new Call("POST", f.at("/sections"), "{\"chapter\":\"III\",\"title\":\"Other matters\"}")),
          new Row("POST /api/reports/{r}/participants", SECRETARY, 201,
              f -> new Call("POST", f.at("/participants"), "{\"entity\":\"WMO\",\"name\":\"A. Smith\",\"role\":\"REPRESENTATIVE\"}")),
          new Row("DELETE /api/reports/{r}/participants/{p}", SECRETARY, 200,
              f -> new Call("DELETE", f.at("/participants/" + f.participant()), null)),
          new Row("POST /api/reports/{r}/members", SECRETARY, 201,
              f -> new Call("POST", f.at("/members"), "{\"entity\":\"OOSA\"}")),
          new Row("DELETE /api/reports/{r}/members/{e}", SECRETARY, 200,
              f -> new Call("DELETE", f.at("/members/ITU"), null)),
          new Row("POST /api/reports/{r}/paragraphs", SECRETARY_OR_DELEGATE, 201,
              f -> new Call("POST", f.at("/paragraphs"), "{\"sectionId\":\"" + f.section() + "\",\"text\":\"A new paragraph.\"}")),
          new Row("PUT /api/reports/{r}/paragraphs/{p}", AUTHOR_ENTITY_OR_SECRETARY, 200,
              f -> new Call("PUT", f.at("/paragraphs/" + f.paragraph()), "{\"text\":\"Revised.\",\"baseRevision\":1}")),
          new Row("POST /api/reports/{r}/paragraphs/{p}/submission", AUTHOR_ENTITY_OR_SECRETARY, 200,
              f -> new Call("POST", f.at("/paragraphs/" + f.paragraph() + "/submission"), null)),
          new Row("POST /api/reports/{r}/paragraphs/{p}/approval", CHAIR, 200,
              f -> new Call("POST", f.at("/paragraphs/" + f.paragraph() + "/approval"), "{\"revision\":1}")),
          new Row("POST /api/reports/{r}/paragraphs/{p}/return", CHAIR, 200,
              f -> new Call("POST", f.at("/paragraphs/" + f.paragraph() + "/return"), "{\"comment\":\"Please shorten.\"}")),
          new Row("DELETE /api/reports/{r}/paragraphs/{p}", AUTHOR_ENTITY_OR_SECRETARY, 200,
              f -> new Call("DELETE", f.at("/paragraphs/" + f.paragraph()), null)),
          new Row("POST /api/reports/{r}/decisions", SECRETARY_OR_DELEGATE, 201,
              f -> new Call("POST", f.at("/decisions"), "{\"sectionId\":\"" + f.section() + "\",\"kind\":\"AGREED\",\"text\":\"to meet again.\"}")),
          new Row("POST /api/reports/{r}/decisions/{d}/adoption", CHAIR, 200,
              f -> new Call("POST", f.at("/decisions/" + f.decision() + "/adoption"), null)),
          new Row("POST /api/reports/{r}/adoption", CHAIR, 409,
              f -> new Call("POST", f.at("/adoption"), null)));

  private Fixture shared;

  /** Reads change nothing, so they share one report. */
  @TestFactory
  Stream<DynamicTest> everyReadPathAnswersEachCallerAsMembershipAndRoleSay() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Row row : READS) {
      for (String user : USERS) {
        boolean hidden = user.equals("wmo");
        int expected =
            hidden ? (row.name().contains("minPosition") ? 503 : 404) : row.allowed().contains(user) ? row.success() : 403;
        tests.add(DynamicTest.dynamicTest(row.name() + " as " + user + " -> " + expected, () -> {
          Fixture fixture = sharedFixture();
          Call call = row.call().apply(fixture);
          HttpResponse<String> answer = api().send(user, call.method(), call.path(), call.body());
          assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
          if (hidden) {
            assertAnsweredAsAMissingReport(user, call, fixture.report(), answer);
          }
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyWritePathAnswersEachCallerAsMembershipAndRoleSay() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Row row : WRITES) {
      for (String user : USERS) {
        boolean hidden = user.equals("wmo");
        int expected = hidden ? 404 : row.allowed().contains(user) ? row.success() : 403;
        tests.add(DynamicTest.dynamicTest(row.name() + " as " + user + " -> " + expected, () -> {
          Fixture fixture = fixture(row.name().endsWith("/return"));
          Call call = row.call().apply(fixture);
          HttpResponse<String> answer = api().send(user, call.method(), call.path(), call.body());
          assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
          if (hidden) {
            assertAnsweredAsAMissingReport(user, call, fixture.report(), answer);
          }
        }));
      }
    }
    return tests.stream();
  }

  /** The same call on a report id that does not exist answers the same, word for word. */
  private void assertAnsweredAsAMissingReport(String user, Call call, String report, HttpResponse<String> answer) throws Exception {
    String missing = newReportId();
    Call onMissing = new Call(call.method(), call.path().replace(report, missing), call.body());
    HttpResponse<String> missingAnswer = api().send(user, onMissing.method(), onMissing.path(), onMissing.body());
    assertThat(answer.statusCode()).isEqualTo(missingAnswer.statusCode());
    assertThat(answer.headers().firstValue("Content-Type")).isEqualTo(missingAnswer.headers().firstValue("Content-Type"));
    JsonNode hiddenProblem = json(answer);
    JsonNode missingProblem = json(missingAnswer);
    assertThat(hiddenProblem.get("type")).isEqualTo(missingProblem.get("type"));
    assertThat(hiddenProblem.get("detail").asText().replace(report, "<r>"))
        .isEqualTo(missingProblem.get("detail").asText().replace(missing, "<r>"));
    assertThat(fieldNames(hiddenProblem)).isEqualTo(fieldNames(missingProblem));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Call get(String path) {
    return new Call("GET", path, null);
  }

  private synchronized Fixture sharedFixture() throws Exception {
    if (shared == null) {
      shared = fixture(true);
      // Every read below is of a projected report: wait once, as the auditor.
      Api api = api();
      HttpResponse<String> projected =
          api.getWhenProjected(shared.report(), shared.position(), Duration.ofSeconds(30));
      assertThat(projected.statusCode()).as(projected.body()).isEqualTo(200);
    }
    return shared;
  }

  /** A report whose only member is ITU, with one of everything; the paragraph and decision are ITU's. */
  private Fixture fixture(boolean submitted) throws Exception {
    Api api = api();
    String report = newReportId();
    expect(api.post("secretary", "/api/reports", createReport(report, "\"ITU\"")), 201);
    String base = "/api/reports/" + report;
    String item = id(api.post("secretary", base + "/agenda-items", "{\"title\":\"Opening\"}"), "itemId");
    String section =
        id(api.post("secretary", base + "/sections", "{\"chapter\":\"I\",\"title\":\"Introduction\",\"agendaItemIds\":[\"" + item + "\"]}"), "sectionId");
    String participant =
        id(api.post("secretary", base + "/participants", "{\"entity\":\"ITU\",\"name\":\"B. Jones\",\"role\":\"REPRESENTATIVE\"}"), "participantId");
    String paragraph =
        id(api.post("itu", base + "/paragraphs", "{\"sectionId\":\"" + section + "\",\"text\":\"ITU reported.\"}"), "paragraphId");
    HttpResponse<String> decision =
        api.post("itu", base + "/decisions", "{\"sectionId\":\"" + section + "\",\"kind\":\"NOTED\",\"text\":\"the report of ITU.\"}");
    long position = json(decision).get("position").asLong();
    if (submitted) {
      HttpResponse<String> submission = api.post("itu", base + "/paragraphs/" + paragraph + "/submission", null);
      expect(submission, 200);
      position = json(submission).get("position").asLong();
    }
    return new Fixture(report, item, section, participant, paragraph, id(decision, "decisionId"), position);
  }

  private static String id(HttpResponse<String> response, String field) throws Exception {
    expect(response, 201);
    return json(response).get(field).asText();
  }

  private static void expect(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
  }
}
