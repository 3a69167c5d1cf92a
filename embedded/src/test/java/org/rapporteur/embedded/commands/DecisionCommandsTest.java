package org.rapporteur.embedded.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The decision endpoints of API.md over HTTP: what each answers, and what each refuses. */
class DecisionCommandsTest extends CommandApiTest {

  @Test
  void proposingADecisionAnswers201WithTheDecisionIdAndLocation() throws Exception {
    String r = newReport();
    String s = section(r);
    HttpResponse<String> proposed =
        http().post("wmo", "/api/reports/" + r + "/decisions", "{\"sectionId\":\"" + s + "\",\"kind\":\"WELCOMED\",\"text\":\"The Meeting welcomed the offer.\"}");
    assertThat(proposed.statusCode()).isEqualTo(201);
    String decisionId = json(proposed).get("decisionId").asText();
    assertThat(json(proposed).get("position").asLong()).isEqualTo(CREATED + 2);
    assertThat(proposed.headers().firstValue("Location")).hasValue("/api/reports/" + r + "/decisions/" + decisionId);
  }

  @Test
  void aKindOutsideTheContractIsAnInvalidFieldNamingKind() throws Exception {
    String r = newReport();
    String s = section(r);
    invalidField(
        http().post("secretary", "/api/reports/" + r + "/decisions", "{\"sectionId\":\"" + s + "\",\"kind\":\"RESOLVED\",\"text\":\"x\"}"),
        "kind");
    assertChangedNothing(r, CREATED + 1);
  }

  @Test
  void proposingIntoASectionOfAnotherReportIsRefusedAndChangesNothing() throws Exception {
    String r = newReport();
    section(r);
    String foreignSection = section(newReport());
    problem(
        http().post("secretary", "/api/reports/" + r + "/decisions", "{\"sectionId\":\"" + foreignSection + "\",\"kind\":\"NOTED\",\"text\":\"x\"}"),
        400, "unknown-reference");
    assertChangedNothing(r, CREATED + 1);
  }

  @Test
  void anAuditorMayNotProposeADecision() throws Exception {
    String r = newReport();
    problem(
        http().post("auditor", "/api/reports/" + r + "/decisions", "{\"sectionId\":\"" + section(r) + "\",\"kind\":\"NOTED\",\"text\":\"x\"}"),
        403, "forbidden-role");
  }

  @Test
  void theChairAdoptsADecision() throws Exception {
    String r = newReport();
    String d = decision(r, section(r));
    assertThat(positionOf(http().post("chair", "/api/reports/" + r + "/decisions/" + d + "/adoption", null))).isEqualTo(CREATED + 3);
  }

  @Test
  void adoptingADecisionTwiceIsAConflictAndChangesNothing() throws Exception {
    String r = newReport();
    String d = decision(r, section(r));
    positionOf(http().post("chair", "/api/reports/" + r + "/decisions/" + d + "/adoption", null));
    problem(http().post("chair", "/api/reports/" + r + "/decisions/" + d + "/adoption", null), 409, "decision-not-proposed");
    assertChangedNothing(r, CREATED + 3);
  }

  @Test
  void aDecisionOfAnotherReportIsNotFound() throws Exception {
    String r = newReport();
    String other = newReport();
    String foreign = decision(other, section(other));
    problem(http().post("chair", "/api/reports/" + r + "/decisions/" + foreign + "/adoption", null), 404, "unknown-decision");
    assertChangedNothing(r, CREATED);
  }

  @Test
  void aDelegateMayNotAdoptADecision() throws Exception {
    String r = newReport();
    String d = decision(r, section(r));
    problem(http().post("wmo", "/api/reports/" + r + "/decisions/" + d + "/adoption", null), 403, "forbidden-role");
  }
}
