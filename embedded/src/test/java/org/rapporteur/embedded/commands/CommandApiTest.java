package org.rapporteur.embedded.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.rapporteur.embedded.Api;
import org.rapporteur.embedded.EmbeddedApiTest;
import org.rapporteur.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the command endpoint tests: one embedded application on H2 for all of them (the
 * property source lives here so that Spring caches one context), and the steps they share.
 */
abstract class CommandApiTest extends EmbeddedApiTest {

  static final String PROBLEM = "urn:rapporteur:problem:";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    properties(registry, TestDatabases.h2Url(), "sa", "");
  }

  Api http() {
    return api();
  }

  /**
   * The position of a report {@link #newReport()} just opened: ReportCreated, then one
   * MemberEntityAdded for each of the demo delegations (ITU, OOSA, UNODC, WMO).
   */
  static final long CREATED = 5;

  String newReport() {
    String reportId = "r-" + UUID.randomUUID();
    assertThat(http().post("secretary", "/api/reports", createReport(reportId)).statusCode()).isEqualTo(201);
    return reportId;
  }

  String created(HttpResponse<String> response, String idField) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response).get(idField).asText();
  }

  String agendaItem(String reportId) throws Exception {
    return created(http().post("secretary", "/api/reports/" + reportId + "/agenda-items", "{\"title\":\"Opening\"}"), "itemId");
  }

  String section(String reportId) throws Exception {
    return created(
        http().post("secretary", "/api/reports/" + reportId + "/sections", "{\"chapter\":\"I\",\"title\":\"Introduction\"}"),
        "sectionId");
  }

  String paragraph(String reportId, String sectionId, String user) throws Exception {
    return created(
        http().post(user, "/api/reports/" + reportId + "/paragraphs",
            "{\"sectionId\":\"" + sectionId + "\",\"text\":\"The meeting was held online.\"}"),
        "paragraphId");
  }

  String decision(String reportId, String sectionId) throws Exception {
    return created(
        http().post("secretary", "/api/reports/" + reportId + "/decisions",
            "{\"sectionId\":\"" + sectionId + "\",\"kind\":\"AGREED\",\"text\":\"The Meeting agreed to meet again.\"}"),
        "decisionId");
  }

  String participant(String reportId) throws Exception {
    return created(
        http().post("secretary", "/api/reports/" + reportId + "/participants",
            "{\"entity\":\"ITU\",\"name\":\"International Telecommunication Union\",\"role\":\"REPRESENTATIVE\"}"),
        "participantId");
  }

  /** The report's position as the draft shows it once the projection has applied {@code atLeast}. */
  long position(String reportId, long atLeast) throws Exception {
    return draft(reportId, atLeast).get("position").asLong();
  }

  /** The draft once the projection has applied {@code atLeast}. */
  JsonNode draft(String reportId, long atLeast) throws Exception {
    HttpResponse<String> draft = http().get("auditor", "/api/reports/" + reportId + "?minPosition=" + atLeast);
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
    return json(draft);
  }

  long positionOf(HttpResponse<String> accepted) throws Exception {
    assertThat(accepted.statusCode()).as(accepted.body()).isBetween(200, 201);
    return json(accepted).get("position").asLong();
  }

  /**
   * A refused command appended nothing: the draft still stands at {@code before}, and the next
   * accepted command of the report takes the very next position.
   */
  void assertChangedNothing(String reportId, long before) throws Exception {
    assertThat(position(reportId, before)).isEqualTo(before);
    long next = positionOf(
        http().post("secretary", "/api/reports/" + reportId + "/participants",
            "{\"entity\":\"WMO\",\"name\":\"World Meteorological Organization\",\"role\":\"REPRESENTATIVE\"}"));
    assertThat(next).isEqualTo(before + 1);
  }

  JsonNode problem(HttpResponse<String> response, int status, String rule) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode body = json(response);
    assertThat(body.get("type").asText()).isEqualTo(PROBLEM + rule);
    return body;
  }

  void invalidField(HttpResponse<String> response, String field) throws Exception {
    assertThat(problem(response, 400, "invalid-field").get("field").asText()).isEqualTo(field);
  }
}
