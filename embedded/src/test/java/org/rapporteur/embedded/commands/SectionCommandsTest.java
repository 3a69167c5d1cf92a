package org.rapporteur.embedded.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adding sections over HTTP: what it answers, and what it refuses. */
class SectionCommandsTest extends CommandApiTest {

  @Test
  void addingASectionAnswers201WithTheSectionIdAndLocation() throws Exception {
    String r = newReport();
    HttpResponse<String> added = http().post("secretary", "/api/reports/" + r + "/sections", "{\"chapter\":\"I\",\"title\":\"Introduction\"}");
    assertThat(added.statusCode()).isEqualTo(201);
    String sectionId = json(added).get("sectionId").asText();
    assertThat(json(added).get("position").asLong()).isEqualTo(CREATED + 1);
    assertThat(added.headers().firstValue("Location")).hasValue("/api/reports/" + r + "/sections/" + sectionId);
  }

  @Test
  void aSectionCoversSeveralAgendaItems() throws Exception {
    String r = newReport();
    String fourth = agendaItem(r);
    String fifth = agendaItem(r);
    long added =
        positionOf(
            http().post("secretary", "/api/reports/" + r + "/sections",
                "{\"chapter\":\"II\",\"title\":\"Coordination\",\"agendaItemIds\":[\"" + fourth + "\",\"" + fifth + "\"]}"));
    JsonNode covered = draft(r, added).get("sections").get(0).get("agendaItemIds");
    assertThat(covered).extracting(JsonNode::asText).containsExactly(fourth, fifth);
  }

  @Test
  void aSectionIsPlacedAfterTheSectionItNames() throws Exception {
    String r = newReport();
    String first = section(r);
    String last = section(r);
    String between =
        created(
            http().post("secretary", "/api/reports/" + r + "/sections",
                "{\"chapter\":\"I\",\"title\":\"Attendance\",\"afterSectionId\":\"" + first + "\"}"),
            "sectionId");
    List<String> order = new ArrayList<>();
    draft(r, CREATED + 3).get("sections").forEach(s -> order.add(s.get("sectionId").asText()));
    assertThat(order).containsExactly(first, between, last);
  }

  @Test
  void coveringAnAgendaItemOfAnotherReportIsRefusedAndChangesNothing() throws Exception {
    String r = newReport();
    String foreignItem = agendaItem(newReport());
    problem(
        http().post("secretary", "/api/reports/" + r + "/sections",
            "{\"chapter\":\"II\",\"title\":\"Coordination\",\"agendaItemIds\":[\"" + foreignItem + "\"]}"),
        400, "unknown-reference");
    assertChangedNothing(r, CREATED);
  }

  @Test
  void placingAfterASectionOfAnotherReportIsRefused() throws Exception {
    String r = newReport();
    String foreignSection = section(newReport());
    problem(
        http().post("secretary", "/api/reports/" + r + "/sections",
            "{\"chapter\":\"II\",\"title\":\"Coordination\",\"afterSectionId\":\"" + foreignSection + "\"}"),
        400, "unknown-reference");
  }

  @Test
  void aChapterThatIsNotARomanNumeralIsRefusedAndChangesNothing() throws Exception {
    String r = newReport();
    problem(http().post("secretary", "/api/reports/" + r + "/sections", "{\"chapter\":\"2\",\"title\":\"Coordination\"}"), 400, "invalid-chapter");
    assertChangedNothing(r, CREATED);
  }

  @Test
  void addingWithoutTitleIsAnInvalidField() throws Exception {
    invalidField(http().post("secretary", "/api/reports/" + newReport() + "/sections", "{\"chapter\":\"I\"}"), "title");
  }

  @Test
  void aDelegateMayNotAddASection() throws Exception {
    problem(http().post("itu", "/api/reports/" + newReport() + "/sections", "{\"chapter\":\"I\",\"title\":\"Mine\"}"), 403, "forbidden-role");
  }
}
