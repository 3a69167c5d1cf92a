package org.rapporteur.embedded.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rapporteur.embedded.Api;

/**
 * Every write endpoint of API.md called as every role, and as a delegate of the paragraph's entity
 * ({@code itu}) and of another entity ({@code wmo}): the exact status of the "who" column, on a
 * fresh report each time so that the state never decides instead of the role. The paragraph and
 * the decision of the fixture are ITU's; the report adoption runs on a report with nothing pending.
 */
class AccessMatrixTest extends AccessApiTest {

  private static final List<String> USERS = List.of("secretary", "chair", "auditor", "admin", "itu", "wmo");

  /** One row of API.md's command table: who may, and how to call it on a fixture. */
  private record Row(
      String name, Set<String> allowed, int success, boolean bare, Function<Fixture, Call> call) {}

  private record Call(String method, String path, String body) {}

  private record Fixture(String report, String item, String section, String participant, String paragraph, String decision) {
    String at(String rest) {
      return "/api/reports/" + report + rest;
    }
  }

  private static final Set<String> SECRETARY = Set.of("secretary");
  private static final Set<String> CHAIR = Set.of("chair");
  private static final Set<String> SECRETARY_OR_DELEGATE = Set.of("secretary", "itu", "wmo");
  private static final Set<String> AUTHOR_ENTITY_OR_SECRETARY = Set.of("secretary", "itu");

  private static final List<Row> ROWS =
      List.of(
          new Row("POST /api/reports", SECRETARY, 201, true,
              f -> new Call("POST", "/api/reports", createReport(newReportId()))),
          new Row("POST /api/reports/{r}/agenda-items", SECRETARY_OR_DELEGATE, 201, false,
              f -> new Call("POST", f.at("/agenda-items"), "{\"title\":\"Other matters\"}")),
          new Row("PUT /api/reports/{r}/agenda-items/{i}", SECRETARY, 200, false,
              f -> new Call("PUT", f.at("/agenda-items/" + f.item()), "{\"title\":\"Opening of the session\"}")),
          new Row("DELETE /api/reports/{r}/agenda-items/{i}", SECRETARY, 200, false,
              f -> new Call("DELETE", f.at("/agenda-items/" + f.item()), null)),
          new Row("POST /api/reports/{r}/agenda/adoption", CHAIR, 200, false,
              f -> new Call("POST", f.at("/agenda/adoption"), null)),
          new Row("POST /api/reports/{r}/sections", SECRETARY, 201, false,
              f -> new Call("POST", f.at("/sections"), "{\"chapter\":\"III\",\"title\":\"Other matters\"}")),
          new Row("POST /api/reports/{r}/participants", SECRETARY, 201, false,
              f -> new Call("POST", f.at("/participants"), "{\"entity\":\"WMO\",\"name\":\"A. Smith\",\"role\":\"REPRESENTATIVE\"}")),
          new Row("DELETE /api/reports/{r}/participants/{p}", SECRETARY, 200, false,
              f -> new Call("DELETE", f.at("/participants/" + f.participant()), null)),
          new Row("POST /api/reports/{r}/paragraphs", SECRETARY_OR_DELEGATE, 201, false,
              f -> new Call("POST", f.at("/paragraphs"), "{\"sectionId\":\"" + f.section() + "\",\"text\":\"A new paragraph.\"}")),
          new Row("PUT /api/reports/{r}/paragraphs/{p}", AUTHOR_ENTITY_OR_SECRETARY, 200, false,
              f -> new Call("PUT", f.at("/paragraphs/" + f.paragraph()), "{\"text\":\"Revised.\",\"baseRevision\":1}")),
          new Row("POST /api/reports/{r}/paragraphs/{p}/submission", AUTHOR_ENTITY_OR_SECRETARY, 200, false,
              f -> new Call("POST", f.at("/paragraphs/" + f.paragraph() + "/submission"), null)),
          new Row("POST /api/reports/{r}/paragraphs/{p}/approval", CHAIR, 200, false,
              f -> new Call("POST", f.at("/paragraphs/" + f.paragraph() + "/approval"), "{\"revision\":1}")),
          new Row("POST /api/reports/{r}/paragraphs/{p}/return", CHAIR, 200, false,
              f -> new Call("POST", f.at("/paragraphs/" + f.paragraph() + "/return"), "{\"comment\":\"Please shorten.\"}")),
          new Row("DELETE /api/reports/{r}/paragraphs/{p}", AUTHOR_ENTITY_OR_SECRETARY, 200, false,
              f -> new Call("DELETE", f.at("/paragraphs/" + f.paragraph()), null)),
          new Row("POST /api/reports/{r}/decisions", SECRETARY_OR_DELEGATE, 201, false,
              f -> new Call("POST", f.at("/decisions"), "{\"sectionId\":\"" + f.section() + "\",\"kind\":\"AGREED\",\"text\":\"to meet again.\"}")),
          new Row("POST /api/reports/{r}/decisions/{d}/adoption", CHAIR, 200, false,
              f -> new Call("POST", f.at("/decisions/" + f.decision() + "/adoption"), null)),
          new Row("POST /api/reports/{r}/adoption", CHAIR, 200, true,
              f -> new Call("POST", f.at("/adoption"), null)));

  @TestFactory
  Stream<DynamicTest> everyWriteEndpointAnswersEveryRoleAsTheContractSays() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Row row : ROWS) {
      for (String user : USERS) {
        int expected = row.allowed().contains(user) ? row.success() : 403;
        tests.add(
            DynamicTest.dynamicTest(
                row.name() + " as " + user + " -> " + expected,
                () -> {
                  Fixture fixture = row.bare() ? bareReport() : fixture(row.name().endsWith("/return"));
                  Call call = row.call().apply(fixture);
                  HttpResponse<String> response = api().send(user, call.method(), call.path(), call.body());
                  assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
                  if (expected == 403) {
                    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                    assertThat(json(response).get("type").asText())
                        .isIn("urn:rapporteur:problem:forbidden-role", "urn:rapporteur:problem:not-author-entity");
                  }
                }));
      }
    }
    return tests.stream();
  }

  private Fixture bareReport() throws Exception {
    String report = newReportId();
    expect(api().post("secretary", "/api/reports", createReport(report)), 201);
    return new Fixture(report, null, null, null, null, null);
  }

  /** A report with one of everything; the paragraph and the decision drafted by ITU's delegate. */
  private Fixture fixture(boolean submitted) throws Exception {
    Api api = api();
    String report = bareReport().report();
    String base = "/api/reports/" + report;
    String item = id(api.post("secretary", base + "/agenda-items", "{\"title\":\"Opening\"}"), "itemId");
    String section =
        id(api.post("secretary", base + "/sections", "{\"chapter\":\"I\",\"title\":\"Introduction\",\"agendaItemIds\":[\"" + item + "\"]}"), "sectionId");
    String participant =
        id(api.post("secretary", base + "/participants", "{\"entity\":\"ITU\",\"name\":\"B. Jones\",\"role\":\"REPRESENTATIVE\"}"), "participantId");
    String paragraph =
        id(api.post("itu", base + "/paragraphs", "{\"sectionId\":\"" + section + "\",\"text\":\"ITU reported.\"}"), "paragraphId");
    String decision =
        id(api.post("itu", base + "/decisions", "{\"sectionId\":\"" + section + "\",\"kind\":\"NOTED\",\"text\":\"the report of ITU.\"}"), "decisionId");
    if (submitted) {
      expect(api.post("itu", base + "/paragraphs/" + paragraph + "/submission", null), 200);
    }
    return new Fixture(report, item, section, participant, paragraph, decision);
  }

  private static String id(HttpResponse<String> response, String field) throws Exception {
    expect(response, 201);
    return json(response).get(field).asText();
  }

  private static void expect(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
  }
}
