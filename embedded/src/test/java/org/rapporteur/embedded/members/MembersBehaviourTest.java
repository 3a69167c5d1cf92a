package org.rapporteur.embedded.members;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rapporteur.embedded.Api;

/** The members endpoints as API.md 1.1 gives them, and what a change of members does at once. */
class MembersBehaviourTest extends MembersApiTest {

  @Test
  void aReportOpenedWithMembersListsThemAndTheDraftCarriesThem() throws Exception {
    Api api = api();
    String report = newReportId();
    long position = json(created(api.post("secretary", "/api/reports", createReport(report, "\"WMO\",\"ITU\""))))
        .get("position").asLong();
    assertThat(position).isEqualTo(3);

    HttpResponse<String> draft = api.getWhenProjected(report, position, Duration.ofSeconds(30));
    assertThat(json(draft).get("memberEntities").toString()).isEqualTo("[\"ITU\",\"WMO\"]");
    JsonNode members = json(api.get("itu", "/api/reports/" + report + "/members"));
    assertThat(members.findValuesAsText("entity")).containsExactly("ITU", "WMO");
    assertThat(members.get(0).get("since").asText()).isNotBlank();
  }

  @Test
  void theSecretaryAddsAMemberOnceAndOnlyFromTheRegistry() throws Exception {
    Api api = api();
    String report = newReportId();
    created(api.post("secretary", "/api/reports", createReport(report, "")));
    String members = "/api/reports/" + report + "/members";

    HttpResponse<String> added = created(api.post("secretary", members, "{\"entity\":\"UNODC\"}"));
    assertThat(json(added).get("entity").asText()).isEqualTo("UNODC");
    assertThat(json(added).get("position").asLong()).isEqualTo(2);

    HttpResponse<String> again = api.post("secretary", members, "{\"entity\":\"UNODC\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).get("type").asText()).isEqualTo("urn:rapporteur:problem:already-member");

    HttpResponse<String> unknown = api.post("secretary", members, "{\"entity\":\"ACME\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(json(unknown).get("type").asText()).isEqualTo("urn:rapporteur:problem:unknown-entity");
    assertThat(json(unknown).get("field").asText()).isEqualTo("entity");

    HttpResponse<String> unknownAtCreation =
        api.post("secretary", "/api/reports", createReport(newReportId(), "\"ITU\",\"ACME\""));
    assertThat(unknownAtCreation.statusCode()).isEqualTo(400);
    assertThat(json(unknownAtCreation).get("type").asText()).isEqualTo("urn:rapporteur:problem:unknown-entity");

    HttpResponse<String> notAMember = api.send("secretary", "DELETE", members + "/WMO", null);
    assertThat(notAMember.statusCode()).isEqualTo(404);
    assertThat(json(notAMember).get("type").asText()).isEqualTo("urn:rapporteur:problem:unknown-member");
  }

  @Test
  void removingAMemberEndsItsDelegatesAccessAtOnceAndKeepsWhatTheyWrote() throws Exception {
    Api api = api();
    String report = newReportId();
    created(api.post("secretary", "/api/reports", createReport(report, "\"ITU\"")));
    String base = "/api/reports/" + report;
    String section = json(created(api.post("secretary", base + "/sections", "{\"chapter\":\"I\",\"title\":\"Introduction\"}")))
        .get("sectionId").asText();
    String paragraph = json(created(api.post("itu", base + "/paragraphs", "{\"sectionId\":\"" + section + "\",\"text\":\"ITU reported.\"}")))
        .get("paragraphId").asText();

    HttpResponse<String> removal = api.send("secretary", "DELETE", base + "/members/ITU", null);
    assertThat(removal.statusCode()).isEqualTo(200);
    long removed = json(removal).get("position").asLong();

    assertThat(api.post("itu", base + "/paragraphs/" + paragraph + "/submission", null).statusCode()).isEqualTo(404);
    JsonNode draft = json(api.getWhenProjected(report, removed, Duration.ofSeconds(30)));
    assertThat(draft.get("memberEntities")).isEmpty();
    assertThat(draft.at("/sections/0/paragraphs/0/authorEntity").asText()).isEqualTo("ITU");
    assertThat(api.get("itu", base).statusCode()).isEqualTo(404);
    assertThat(api.get("itu", base + "/members").statusCode()).isEqualTo(404);
    assertThat(json(api.get("itu", "/api/reports")).findValuesAsText("reportId")).doesNotContain(report);
  }

  @Test
  void listsLeaveOutTheReportsOfOtherMeetings() throws Exception {
    Api api = api();
    String ours = newReportId();
    String theirs = newReportId();
    created(api.post("secretary", "/api/reports", createReport(ours, "\"ITU\"")));
    created(api.post("secretary", "/api/reports", createReport(theirs, "\"WMO\"")));
    for (String report : new String[] {ours, theirs}) {
      String base = "/api/reports/" + report;
      String delegate = report.equals(ours) ? "itu" : "wmo";
      String section = json(created(api.post("secretary", base + "/sections", "{\"chapter\":\"I\",\"title\":\"Introduction\"}")))
          .get("sectionId").asText();
      String paragraph = json(created(api.post(delegate, base + "/paragraphs", "{\"sectionId\":\"" + section + "\",\"text\":\"Words.\"}")))
          .get("paragraphId").asText();
      long submitted = json(api.post(delegate, base + "/paragraphs/" + paragraph + "/submission", null)).get("position").asLong();
      assertThat(api.getWhenProjected(report, submitted, Duration.ofSeconds(30)).statusCode()).isEqualTo(200);
    }

    assertThat(json(api.get("itu", "/api/reports")).findValuesAsText("reportId")).contains(ours).doesNotContain(theirs);
    assertThat(json(api.get("wmo", "/api/reports")).findValuesAsText("reportId")).contains(theirs).doesNotContain(ours);
    assertThat(json(api.get("auditor", "/api/reports")).findValuesAsText("reportId")).contains(ours, theirs);
    assertThat(json(api.get("itu", "/api/approvals/pending")).findValuesAsText("reportId")).contains(ours).doesNotContain(theirs);
    assertThat(json(api.get("chair", "/api/approvals/pending")).findValuesAsText("reportId")).contains(ours, theirs);
  }

  private static HttpResponse<String> created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response;
  }
}
