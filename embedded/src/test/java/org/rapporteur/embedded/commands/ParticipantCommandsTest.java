package org.rapporteur.embedded.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The participant endpoints of API.md over HTTP: what each answers, and what each refuses. */
class ParticipantCommandsTest extends CommandApiTest {

  @Test
  void addingAParticipantAnswers201WithTheParticipantIdAndLocation() throws Exception {
    String r = newReport();
    HttpResponse<String> added =
        http().post("secretary", "/api/reports/" + r + "/participants", "{\"entity\":\"ITU\",\"name\":\"ITU\",\"role\":\"CHAIR\"}");
    assertThat(added.statusCode()).isEqualTo(201);
    String participantId = json(added).get("participantId").asText();
    assertThat(json(added).get("position").asLong()).isEqualTo(CREATED + 1);
    assertThat(added.headers().firstValue("Location")).hasValue("/api/reports/" + r + "/participants/" + participantId);
  }

  @Test
  void aRoleOutsideTheContractIsAnInvalidFieldNamingRole() throws Exception {
    String r = newReport();
    invalidField(
        http().post("secretary", "/api/reports/" + r + "/participants", "{\"entity\":\"ITU\",\"name\":\"ITU\",\"role\":\"OBSERVER\"}"),
        "role");
    assertChangedNothing(r, CREATED);
  }

  @Test
  void addingWithoutEntityIsAnInvalidField() throws Exception {
    invalidField(
        http().post("secretary", "/api/reports/" + newReport() + "/participants", "{\"name\":\"ITU\",\"role\":\"REPRESENTATIVE\"}"),
        "entity");
  }

  @Test
  void aDelegateMayNotAddAParticipant() throws Exception {
    problem(
        http().post("itu", "/api/reports/" + newReport() + "/participants", "{\"entity\":\"ITU\",\"name\":\"ITU\",\"role\":\"REPRESENTATIVE\"}"),
        403, "forbidden-role");
  }

  @Test
  void removingAParticipantAnswersThePosition() throws Exception {
    String r = newReport();
    String participant = participant(r);
    assertThat(positionOf(http().send("secretary", "DELETE", "/api/reports/" + r + "/participants/" + participant, null))).isEqualTo(CREATED + 2);
  }

  @Test
  void aParticipantOfAnotherReportIsNotFoundAndNothingChanges() throws Exception {
    String r = newReport();
    String foreign = participant(newReport());
    problem(http().send("secretary", "DELETE", "/api/reports/" + r + "/participants/" + foreign, null), 404, "unknown-participant");
    assertChangedNothing(r, CREATED);
  }

  @Test
  void aDelegateMayNotRemoveAParticipant() throws Exception {
    String r = newReport();
    problem(http().send("itu", "DELETE", "/api/reports/" + r + "/participants/" + participant(r), null), 403, "forbidden-role");
  }
}
