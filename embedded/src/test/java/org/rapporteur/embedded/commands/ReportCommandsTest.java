package org.rapporteur.embedded.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Creating and adopting a report over HTTP: what each answers, and what each refuses. */
class ReportCommandsTest extends CommandApiTest {

  @Test
  void creatingAnswers201WithTheReportIdPositionOneAndLocation() throws Exception {
    String r = "r-" + UUID.randomUUID();
    HttpResponse<String> created = http().post("secretary", "/api/reports", createReport(r, ""));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created).get("reportId").asText()).isEqualTo(r);
    assertThat(json(created).get("position").asLong()).isEqualTo(1);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/reports/" + r);
  }

  @Test
  void withoutAReportIdTheServerChoosesOne() throws Exception {
    HttpResponse<String> created = http().post("secretary", "/api/reports", createReport("unused").replace("\"reportId\":\"unused\",", ""));
    String r = created(created, "reportId");
    assertThat(r).isNotBlank();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/reports/" + r);
    assertThat(draft(r, CREATED).get("title").asText()).isEqualTo("Report on its fortieth session");
  }

  @Test
  void anEndDateBeforeTheStartDateIsRefused() throws Exception {
    String r = "r-" + UUID.randomUUID();
    problem(
        http().post("secretary", "/api/reports", createReport(r).replace("\"endDate\":\"2021-12-14\"", "\"endDate\":\"2021-12-13\"")),
        400, "invalid-dates");
    problem(http().post("secretary", "/api/reports/" + r + "/agenda-items", "{\"title\":\"Opening\"}"), 404, "unknown-report");
  }

  @Test
  void creatingWithoutATitleIsAnInvalidField() throws Exception {
    invalidField(
        http().post("secretary", "/api/reports", createReport("r-" + UUID.randomUUID()).replace("\"title\":\"Report on its fortieth session\",", "")),
        "title");
  }

  @Test
  void aReportIdWithCharactersNoIdHasIsAnInvalidField() throws Exception {
    invalidField(http().post("secretary", "/api/reports", createReport("r/" + UUID.randomUUID())), "reportId");
  }

  @Test
  void theSameReportIdAgainIsAConflictAndChangesNothing() throws Exception {
    String r = newReport();
    problem(http().post("secretary", "/api/reports", createReport(r).replace("fortieth", "forty-first")), 409, "report-exists");
    assertChangedNothing(r, CREATED);
    assertThat(draft(r, CREATED + 1).get("title").asText()).isEqualTo("Report on its fortieth session");
  }

  @Test
  void aDelegateMayNotCreateAReport() throws Exception {
    problem(http().post("itu", "/api/reports", createReport("r-" + UUID.randomUUID())), 403, "forbidden-role");
  }

  @Test
  void aCommandOnAReportThatDoesNotExistIsNotFound() throws Exception {
    problem(http().post("secretary", "/api/reports/r-" + UUID.randomUUID() + "/sections", "{\"chapter\":\"I\",\"title\":\"x\"}"), 404, "unknown-report");
  }

  @Test
  void adoptingWhileAParagraphIsNotApprovedIsAConflictNamingItAndChangesNothing() throws Exception {
    String r = newReport();
    String p = paragraph(r, section(r), "itu");
    JsonNode notReady = problem(http().post("chair", "/api/reports/" + r + "/adoption", null), 409, "report-not-ready");
    assertThat(notReady.get("detail").asText()).contains(p);
    assertChangedNothing(r, CREATED + 2);
  }

  @Test
  void adoptingWhileADecisionIsNotAdoptedIsAConflictNamingIt() throws Exception {
    String r = newReport();
    String d = decision(r, section(r));
    JsonNode notReady = problem(http().post("chair", "/api/reports/" + r + "/adoption", null), 409, "report-not-ready");
    assertThat(notReady.get("detail").asText()).contains(d);
  }

  @Test
  void theChairAdoptsAReportWhoseParagraphsAreApprovedAndDecisionsAdopted() throws Exception {
    String r = newReport();
    String s = section(r);
    String p = paragraph(r, s, "itu");
    String d = decision(r, s);
    positionOf(http().post("chair", "/api/reports/" + r + "/paragraphs/" + p + "/approval", "{\"revision\":1}"));
    positionOf(http().post("chair", "/api/reports/" + r + "/decisions/" + d + "/adoption", null));
    long adopted = positionOf(http().post("chair", "/api/reports/" + r + "/adoption", null));
    assertThat(adopted).isEqualTo(CREATED + 6);
    assertThat(draft(r, adopted).get("status").asText()).isEqualTo("ADOPTED");
  }

  @Test
  void afterAdoptionEveryCommandIsAConflictAndChangesNothing() throws Exception {
    String r = newReport();
    String s = section(r);
    String item = agendaItem(r);
    String participant = participant(r);
    String p = paragraph(r, s, "itu");
    String d = decision(r, s);
    http().post("chair", "/api/reports/" + r + "/paragraphs/" + p + "/approval", "{\"revision\":1}");
    http().post("chair", "/api/reports/" + r + "/decisions/" + d + "/adoption", null);
    long adopted = positionOf(http().post("chair", "/api/reports/" + r + "/adoption", null));
    String base = "/api/reports/" + r;

    frozen(http().post("secretary", base + "/agenda-items", "{\"title\":\"Other matters\"}"));
    frozen(http().put("secretary", base + "/agenda-items/" + item, "{\"title\":\"Opening of the session\"}"));
    frozen(http().send("secretary", "DELETE", base + "/agenda-items/" + item, null));
    frozen(http().post("chair", base + "/agenda/adoption", null));
    frozen(http().post("secretary", base + "/sections", "{\"chapter\":\"II\",\"title\":\"Attendance\"}"));
    frozen(http().post("secretary", base + "/participants", "{\"entity\":\"WMO\",\"name\":\"WMO\",\"role\":\"REPRESENTATIVE\"}"));
    frozen(http().send("secretary", "DELETE", base + "/participants/" + participant, null));
    frozen(http().post("itu", base + "/paragraphs", "{\"sectionId\":\"" + s + "\",\"text\":\"Late.\"}"));
    frozen(http().put("itu", base + "/paragraphs/" + p, "{\"text\":\"Late.\",\"baseRevision\":1}"));
    frozen(http().post("itu", base + "/paragraphs/" + p + "/submission", null));
    frozen(http().post("chair", base + "/paragraphs/" + p + "/approval", "{\"revision\":1}"));
    frozen(http().post("chair", base + "/paragraphs/" + p + "/return", "{\"comment\":\"Late.\"}"));
    frozen(http().send("itu", "DELETE", base + "/paragraphs/" + p, null));
    frozen(http().post("secretary", base + "/decisions", "{\"sectionId\":\"" + s + "\",\"kind\":\"NOTED\",\"text\":\"Late.\"}"));
    frozen(http().post("chair", base + "/decisions/" + d + "/adoption", null));
    frozen(http().post("chair", base + "/adoption", null));

    assertThat(position(r, adopted)).isEqualTo(adopted);
    assertThat(draft(r, adopted).get("status").asText()).isEqualTo("ADOPTED");
  }

  @Test
  void theSecretaryMayNotAdoptTheReport() throws Exception {
    problem(http().post("secretary", "/api/reports/" + newReport() + "/adoption", null), 403, "forbidden-role");
  }

  private void frozen(HttpResponse<String> response) throws Exception {
    problem(response, 409, "report-adopted");
  }
}
