package org.rapporteur.embedded.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agenda endpoints of API.md over HTTP: what each answers, and what each refuses. */
class AgendaCommandsTest extends CommandApiTest {

  @Test
  void proposingAnItemAnswers201WithTheItemIdAndLocation() throws Exception {
    String r = newReport();
    HttpResponse<String> proposed = http().post("itu", "/api/reports/" + r + "/agenda-items", "{\"title\":\"Opening\"}");
    assertThat(proposed.statusCode()).isEqualTo(201);
    String itemId = json(proposed).get("itemId").asText();
    assertThat(json(proposed).get("position").asLong()).isEqualTo(CREATED + 1);
    assertThat(proposed.headers().firstValue("Location")).hasValue("/api/reports/" + r + "/agenda-items/" + itemId);
  }

  @Test
  void proposingWithoutTitleIsAnInvalidField() throws Exception {
    invalidField(http().post("secretary", "/api/reports/" + newReport() + "/agenda-items", "{}"), "title");
  }

  @Test
  void proposingAfterAnItemOfAnotherReportIsRefusedAndChangesNothing() throws Exception {
    String r = newReport();
    String foreignItem = agendaItem(newReport());
    problem(
        http().post("secretary", "/api/reports/" + r + "/agenda-items", "{\"title\":\"Opening\",\"afterItemId\":\"" + foreignItem + "\"}"),
        400, "unknown-reference");
    assertChangedNothing(r, CREATED);
  }

  @Test
  void anAuditorMayNotProposeAnItem() throws Exception {
    problem(http().post("auditor", "/api/reports/" + newReport() + "/agenda-items", "{\"title\":\"Opening\"}"), 403, "forbidden-role");
  }

  @Test
  void proposingAfterTheAgendaIsAdoptedIsAConflictAndChangesNothing() throws Exception {
    String r = newReport();
    agendaItem(r);
    positionOf(http().post("chair", "/api/reports/" + r + "/agenda/adoption", null));
    problem(http().post("secretary", "/api/reports/" + r + "/agenda-items", "{\"title\":\"Other matters\"}"), 409, "agenda-already-adopted");
    assertChangedNothing(r, CREATED + 2);
  }

  @Test
  void amendingAnItemRetitlesIt() throws Exception {
    String r = newReport();
    String item = agendaItem(r);
    long amended = positionOf(http().put("secretary", "/api/reports/" + r + "/agenda-items/" + item, "{\"title\":\"Opening of the session\"}"));
    assertThat(amended).isEqualTo(CREATED + 2);
    assertThat(draft(r, amended).get("agenda").get(0).get("title").asText()).isEqualTo("Opening of the session");
  }

  @Test
  void amendingWithoutTitleIsAnInvalidField() throws Exception {
    String r = newReport();
    invalidField(http().put("secretary", "/api/reports/" + r + "/agenda-items/" + agendaItem(r), "{\"title\":\" \"}"), "title");
  }

  @Test
  void aDelegateMayNotAmendAnItem() throws Exception {
    String r = newReport();
    problem(http().put("itu", "/api/reports/" + r + "/agenda-items/" + agendaItem(r), "{\"title\":\"Mine\"}"), 403, "forbidden-role");
  }

  @Test
  void amendingAfterTheAgendaIsAdoptedIsAConflictAndChangesNothing() throws Exception {
    String r = newReport();
    String item = agendaItem(r);
    positionOf(http().post("chair", "/api/reports/" + r + "/agenda/adoption", null));
    problem(http().put("secretary", "/api/reports/" + r + "/agenda-items/" + item, "{\"title\":\"Later\"}"), 409, "agenda-already-adopted");
    assertChangedNothing(r, CREATED + 2);
  }

  @Test
  void anItemOfAnotherReportIsNotFound() throws Exception {
    String r = newReport();
    String foreignItem = agendaItem(newReport());
    problem(http().put("secretary", "/api/reports/" + r + "/agenda-items/" + foreignItem, "{\"title\":\"x\"}"), 404, "unknown-agenda-item");
    problem(http().send("secretary", "DELETE", "/api/reports/" + r + "/agenda-items/" + foreignItem, null), 404, "unknown-agenda-item");
    assertChangedNothing(r, CREATED);
  }

  @Test
  void aWithdrawnItemStaysInTheDraftAsWithdrawn() throws Exception {
    String r = newReport();
    String item = agendaItem(r);
    long withdrawn = positionOf(http().send("secretary", "DELETE", "/api/reports/" + r + "/agenda-items/" + item, null));
    assertThat(withdrawn).isEqualTo(CREATED + 2);
    JsonNode listed = draft(r, withdrawn).get("agenda").get(0);
    assertThat(listed.get("itemId").asText()).isEqualTo(item);
    assertThat(listed.get("status").asText()).isEqualTo("WITHDRAWN");
  }

  @Test
  void withdrawingAfterTheAgendaIsAdoptedIsAConflict() throws Exception {
    String r = newReport();
    String item = agendaItem(r);
    positionOf(http().post("chair", "/api/reports/" + r + "/agenda/adoption", null));
    problem(http().send("secretary", "DELETE", "/api/reports/" + r + "/agenda-items/" + item, null), 409, "agenda-already-adopted");
  }

  @Test
  void aDelegateMayNotWithdrawAnItem() throws Exception {
    String r = newReport();
    problem(http().send("itu", "DELETE", "/api/reports/" + r + "/agenda-items/" + agendaItem(r), null), 403, "forbidden-role");
  }

  @Test
  void adoptingNumbersTheLiveItemsOneToNInTheirOrder() throws Exception {
    String r = newReport();
    String opening = agendaItem(r);
    String closing = created(http().post("secretary", "/api/reports/" + r + "/agenda-items", "{\"title\":\"Closing\"}"), "itemId");
    String dropped = created(http().post("secretary", "/api/reports/" + r + "/agenda-items", "{\"title\":\"Dropped\"}"), "itemId");
    String middle =
        created(
            http().post("secretary", "/api/reports/" + r + "/agenda-items", "{\"title\":\"Work\",\"afterItemId\":\"" + opening + "\"}"),
            "itemId");
    positionOf(http().send("secretary", "DELETE", "/api/reports/" + r + "/agenda-items/" + dropped, null));

    long adopted = positionOf(http().post("chair", "/api/reports/" + r + "/agenda/adoption", null));

    assertThat(adopted).isEqualTo(CREATED + 6);
    Map<String, String> numbers = new HashMap<>();
    Map<String, String> statuses = new HashMap<>();
    for (JsonNode item : draft(r, adopted).get("agenda")) {
      numbers.put(item.get("itemId").asText(), item.get("number").isNull() ? null : item.get("number").asText());
      statuses.put(item.get("itemId").asText(), item.get("status").asText());
    }
    assertThat(numbers).containsEntry(opening, "1").containsEntry(middle, "2").containsEntry(closing, "3").containsEntry(dropped, null);
    assertThat(statuses).containsEntry(opening, "ADOPTED").containsEntry(middle, "ADOPTED").containsEntry(closing, "ADOPTED")
        .containsEntry(dropped, "WITHDRAWN");
  }

  @Test
  void adoptingTheAgendaTwiceIsAConflictAndChangesNothing() throws Exception {
    String r = newReport();
    agendaItem(r);
    positionOf(http().post("chair", "/api/reports/" + r + "/agenda/adoption", null));
    problem(http().post("chair", "/api/reports/" + r + "/agenda/adoption", null), 409, "agenda-already-adopted");
    assertChangedNothing(r, CREATED + 2);
  }

  @Test
  void adoptingAnAgendaWithoutLiveItemsIsAConflictAndChangesNothing() throws Exception {
    String r = newReport();
    problem(http().post("chair", "/api/reports/" + r + "/agenda/adoption", null), 409, "empty-agenda");
    assertChangedNothing(r, CREATED);
  }

  @Test
  void theSecretaryMayNotAdoptTheAgenda() throws Exception {
    String r = newReport();
    agendaItem(r);
    problem(http().post("secretary", "/api/reports/" + r + "/agenda/adoption", null), 403, "forbidden-role");
  }
}
