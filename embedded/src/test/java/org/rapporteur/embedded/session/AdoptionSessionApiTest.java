package org.rapporteur.embedded.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapporteur.embedded.Api;
import org.rapporteur.embedded.EmbeddedApiTest;
import org.rapporteur.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The adoption session over HTTP, end to end (API.md 1.1): the chair opens it, an oral amendment
 * from the floor is accepted, a paragraph inserted in session is numbered "1 bis", a bracketed
 * paragraph holds back adoption until the meeting adopts it, a reservation is printed, the report
 * is adopted ad referendum and confirmed, and a corrigendum is issued and rendered from the record.
 */
class AdoptionSessionApiTest extends EmbeddedApiTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String OPENED = "The meeting opened.";
  private static final String AMENDED = "The Chair opened the meeting on time.";
  private static final String GENEVA = "The meeting agreed to meet again in Geneva.";
  private static final String VIENNA = "The meeting agreed to meet again in Vienna.";
  private static final String SILENCE = "The meeting observed a minute of silence.";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    properties(registry, TestDatabases.h2Url(), "sa", "");
  }

  @Test
  void aSessionRunsFromOpeningToACorrigendum() throws Exception {
    Api api = api();
    String reportId = "session-" + UUID.randomUUID();
    String report = "/api/reports/" + reportId;
    assertThat(api.post("secretary", "/api/reports", createReport(reportId).replace(
        "\"memberEntities\"", "\"symbol\":\"A/AC.105/1999\",\"memberEntities\"")).statusCode()).isEqualTo(201);
    String sectionId = json(api.post("secretary", report + "/sections", "{\"chapter\":\"I\",\"title\":\"Introduction\"}"))
        .get("sectionId").asText();
    String opened = drafted(api, report, sectionId, OPENED);
    String geneva = drafted(api, report, sectionId, GENEVA);
    ok(api.post("chair", report + "/paragraphs/" + opened + "/approval", "{\"revision\":1}"));
    ok(api.post("chair", report + "/paragraphs/" + geneva + "/approval", "{\"revision\":1}"));

    problem(api.post("itu", report + "/session", null), 403, "forbidden-role");
    ok(api.post("chair", report + "/session", null));
    problem(api.post("itu", report + "/paragraphs", "{\"sectionId\":\"" + sectionId + "\",\"text\":\"Late words.\"}"),
        409, "drafting-closed-in-session");
    problem(api.put("itu", report + "/paragraphs/" + opened, "{\"text\":\"Late words.\",\"baseRevision\":1}"),
        409, "drafting-closed-in-session");

    // From the floor, WMO proposes words; the secretary records them, the chair accepts them.
    HttpResponse<String> proposed = api.post("secretary", report + "/paragraphs/" + opened + "/oral-amendments",
        "{\"text\":\"" + AMENDED + "\",\"proposedBy\":\"WMO\"}");
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
    String amendmentId = json(proposed).get("amendmentId").asText();
    problem(api.post("secretary", report + "/paragraphs/" + opened + "/oral-amendments/" + amendmentId + "/acceptance",
        null), 403, "forbidden-role");
    ok(api.post("chair", report + "/paragraphs/" + opened + "/oral-amendments/" + amendmentId + "/acceptance", null));
    problem(api.post("chair", report + "/paragraphs/" + opened + "/oral-amendments/no-such/acceptance", null),
        404, "unknown-oral-amendment");

    String bis = json(created(api.post("chair", report + "/paragraphs",
        "{\"sectionId\":\"" + sectionId + "\",\"text\":\"" + SILENCE + "\",\"afterParagraphId\":\"" + opened + "\"}")))
        .get("paragraphId").asText();
    ok(api.post("chair", report + "/paragraphs/" + geneva + "/brackets", null));
    problem(api.post("chair", report + "/adoption", null), 409, "report-not-ready");
    created(api.post("secretary", report + "/reservations",
        "{\"entity\":\"WMO\",\"kind\":\"RESERVATION\",\"paragraphId\":\"" + opened + "\",\"text\":\"WMO reserved its position.\"}"));
    problem(api.post("secretary", report + "/reservations",
        "{\"entity\":\"WMO\",\"kind\":\"RESERVATION\",\"text\":\"On nothing.\"}"), 400, "reservation-target");

    JsonNode draft = json(api.getWhenProjected(reportId, lastPosition(api, reportId), PATIENCE));
    assertThat(draft.get("status").asText()).isEqualTo("IN_SESSION");
    List<JsonNode> units = units(draft);
    assertThat(units).extracting(u -> u.get("paragraphId").asText()).containsExactly(opened, bis, geneva);
    assertThat(units.get(0).get("text").asText()).isEqualTo(AMENDED);
    assertThat(units.get(0).get("orallyAmended").asBoolean()).isTrue();
    assertThat(units.get(1).get("number").asInt()).isEqualTo(1);
    assertThat(units.get(1).get("numberSuffix").asText()).isEqualTo("bis");
    assertThat(units.get(2).get("number").asInt()).isEqualTo(2);
    assertThat(units.get(2).get("status").asText()).isEqualTo("BRACKETED");
    assertThat(draft.get("reservations").get(0).get("entity").asText()).isEqualTo("WMO");
    assertThat(api.get("auditor", report + "/document.html").body())
        .contains("<span class=\"num\">1 bis.</span> <span class=\"text\">" + SILENCE + "</span>")
        .contains("<span class=\"text\">[" + GENEVA + "]</span>")
        .contains("Reservation (WMO): WMO reserved its position.");

    for (String paragraphId : List.of(opened, bis, geneva)) {
      ok(api.post("chair", report + "/paragraphs/" + paragraphId + "/session-adoption", null));
    }
    problem(api.post("chair", report + "/paragraphs/" + opened + "/session-adoption", null),
        409, "paragraph-adopted-in-session");
    ok(api.post("chair", report + "/adoption", "{\"adReferendum\":true}"));
    problem(api.post("secretary", report + "/corrigenda",
        "{\"changes\":[{\"paragraphId\":\"" + geneva + "\",\"text\":\"" + VIENNA + "\"}],\"reason\":\"Venue.\"}"),
        409, "report-not-adopted");
    long confirmed = json(ok(api.post("chair", report + "/confirmation", null))).get("position").asLong();
    assertThat(json(api.getWhenProjected(reportId, confirmed, PATIENCE)).get("status").asText()).isEqualTo("ADOPTED");
    assertThat(api.get("auditor", report + "/document.html").body())
        .as("adopted: no brackets any more").contains("<span class=\"text\">" + GENEVA + "</span>");

    HttpResponse<String> corrigendum = created(api.post("secretary", report + "/corrigenda",
        "{\"changes\":[{\"paragraphId\":\"" + geneva + "\",\"text\":\"" + VIENNA + "\"}],\"reason\":\"Venue.\"}"));
    JsonNode issued = json(corrigendum);
    assertThat(issued.get("number").asInt()).isEqualTo(1);
    assertThat(issued.get("symbol").asText()).isEqualTo("A/AC.105/1999/Corr.1");
    assertThat(corrigendum.headers().firstValue("Location").orElseThrow())
        .isEqualTo(report + "/corrigenda/1/document.html");
    long corrected = issued.get("position").asLong();
    assertThat(api.getWhenProjected(reportId, corrected, PATIENCE).statusCode()).isEqualTo(200);

    HttpResponse<String> page = api.get("itu", report + "/corrigenda/1/document.html");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("A/AC.105/1999/Corr.1", "Paragraph 2",
        "<em>For</em> Geneva. <em>read</em> Vienna.");
    assertThat(api.get("itu", report + "/corrigenda/1/document.md").body()).contains("*For* Geneva. *read* Vienna.");
    assertThat(api.get("itu", report + "/corrigenda/1/document.xml").body())
        .contains("<amendment name=\"corrigendum\">", "<activeRef eId=\"report\"");
    problem(api.get("itu", report + "/corrigenda/2/document.html"), 404, "unknown-corrigendum");

    assertThat(units(json(api.get("auditor", report))).get(2).get("text").asText()).isEqualTo(VIENNA);
    assertThat(units(json(api.get("auditor", report + "?atPosition=" + (corrected - 1)))).get(2).get("text").asText())
        .as("the text as adopted").isEqualTo(GENEVA);
    HttpResponse<String> adoptedText = api.get("auditor", report + "/document.html?atPosition=" + (corrected - 1));
    assertThat(adoptedText.statusCode()).as(adoptedText.body()).isEqualTo(200);
    assertThat(adoptedText.body()).contains(GENEVA).doesNotContain(VIENNA);
    assertThat(api.get("auditor", report + "/document.html").body()).contains(VIENNA);

    JsonNode history = json(api.get("auditor", report + "/paragraphs/" + opened + "/history"));
    assertThat(history.get(1).get("origin").asText()).isEqualTo("ORAL_AMENDMENT");
    assertThat(history.get(1).get("proposedBy").asText()).isEqualTo("WMO");
    assertThat(history.get(1).get("author").get("user").asText()).isEqualTo("chair");
    assertThat(history.get(0).get("oralAmendments").get(0).get("accepted").asBoolean()).isTrue();
    JsonNode corrections = json(api.get("auditor", report + "/paragraphs/" + geneva + "/history"));
    assertThat(corrections.get(corrections.size() - 1).get("origin").asText()).isEqualTo("CORRIGENDUM");

    List<String> why = new ArrayList<>();
    json(api.get("auditor", report + "/paragraphs/" + geneva + "/why")).get("entries")
        .forEach(e -> why.add(e.get("type").asText()));
    assertThat(why).containsSubsequence("ParagraphApproved", "ParagraphBracketed", "ParagraphAdoptedInSession",
        "ReportAdoptedAdReferendum", "ReportAdoptionConfirmed", "CorrigendumIssued");
    assertThat(json(api.get("auditor", report + "/audit?type=OralAmendmentAccepted"))).hasSize(1);
    JsonNode verification = json(api.get("auditor", report + "/verification"));
    assertThat(verification.get("verified").asBoolean()).as(verification.toString()).isTrue();
  }

  private static String drafted(Api api, String report, String sectionId, String text) throws Exception {
    return json(created(api.post("itu", report + "/paragraphs",
        "{\"sectionId\":\"" + sectionId + "\",\"text\":\"" + text + "\"}"))).get("paragraphId").asText();
  }

  private static long lastPosition(Api api, String reportId) throws Exception {
    return json(api.get("auditor", "/api/reports/" + reportId + "/verification")).get("events").asLong();
  }

  private static List<JsonNode> units(JsonNode draft) {
    List<JsonNode> units = new ArrayList<>();
    draft.get("sections").forEach(s -> s.get("paragraphs").forEach(units::add));
    return units;
  }

  private static HttpResponse<String> ok(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  private static HttpResponse<String> created(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return answer;
  }

  private static void problem(HttpResponse<String> answer, int status, String rule) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(json(answer).get("type").asText()).isEqualTo("urn:rapporteur:problem:" + rule);
  }
}
