package org.rapporteur.embedded.members;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.rapporteur.embedded.Api;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.AgendaItemId;
import org.rapporteur.shared.report.AgendaItemProposed;
import org.rapporteur.shared.report.DecisionId;
import org.rapporteur.shared.report.DecisionKind;
import org.rapporteur.shared.report.DecisionProposed;
import org.rapporteur.shared.report.ParagraphDrafted;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParticipantAdded;
import org.rapporteur.shared.report.ParticipantId;
import org.rapporteur.shared.report.ParticipantRole;
import org.rapporteur.shared.report.ReportCreated;
import org.rapporteur.shared.report.ReportEvent;
import org.rapporteur.shared.report.ReportHeader;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.Role;
import org.rapporteur.shared.report.SectionAdded;
import org.rapporteur.shared.report.SectionId;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A report written before members existed: its events, exactly as the code before this change
 * stored them (no event changed shape; none of them is a membership event), are appended to the
 * event store as Axon's aggregate would have, then published and projected as any other. Its
 * members are the entities whose delegates drafted in it (ADR 0007), on both sides alike.
 */
class MembersUpgradeTest extends MembersApiTest {

  private static final Actor SECRETARY = new Actor("secretary", Role.SECRETARY, null);
  private static final Actor ITU = new Actor("itu", Role.DELEGATE, "ITU");
  private static final Actor OOSA = new Actor("oosa", Role.DELEGATE, "OOSA");

  @Autowired EventStore eventStore;

  @Test
  void aReportWrittenBeforeMembersExistedKeepsTheEntitiesThatDraftedInItAndNoOther() throws Exception {
    ReportId report = ReportId.of(newReportId());
    SectionId section = SectionId.of("s-1");
    ParagraphId paragraph = ParagraphId.of("p-1");
    Instant start = Instant.parse("2025-11-03T09:00:00Z");
    List<ReportEvent> legacy = List.of(
        new ReportCreated(report, header(), SECRETARY, start),
        new AgendaItemProposed(report, AgendaItemId.of("i-1"), "Opening", null, SECRETARY, start.plusSeconds(60)),
        new SectionAdded(report, section, "I", "Introduction", List.of(), null, SECRETARY, start.plusSeconds(120)),
        // WMO is listed in the annex but never drafted: listing is not taking part (ADR 0007).
        new ParticipantAdded(report, ParticipantId.of("pt-1"), "WMO", "H. Pohjola", ParticipantRole.REPRESENTATIVE,
            SECRETARY, start.plusSeconds(180)),
        new ParagraphDrafted(report, paragraph, section, null, "ITU reported.", "ITU", 1, ITU, start.plusSeconds(240)),
        new DecisionProposed(report, DecisionId.of("d-1"), section, DecisionKind.NOTED, "the report of OOSA.", "OOSA",
            OOSA, start.plusSeconds(300)));
    List<GenericDomainEventMessage<ReportEvent>> messages = new ArrayList<>();
    for (int i = 0; i < legacy.size(); i++) {
      messages.add(new GenericDomainEventMessage<>("Report", report.value(), i, legacy.get(i), java.util.Map.of(),
          java.util.UUID.randomUUID().toString(), legacy.get(i).at()));
    }
    eventStore.publish(messages);

    Api api = api();
    String base = "/api/reports/" + report;
    HttpResponse<String> projected = api.getWhenProjected(report.value(), legacy.size(), Duration.ofSeconds(30));
    assertThat(projected.statusCode()).as(projected.body()).isEqualTo(200);
    assertThat(json(projected).get("memberEntities").toString()).isEqualTo("[\"ITU\",\"OOSA\"]");

    JsonNode members = json(api.get("auditor", base + "/members"));
    assertThat(members).hasSize(2);
    assertThat(members.get(0).get("entity").asText()).isEqualTo("ITU");
    assertThat(Instant.parse(members.get(0).get("since").asText())).isEqualTo(start.plusSeconds(240));
    assertThat(members.get(1).get("entity").asText()).isEqualTo("OOSA");

    // The query side: members read, the others find no report.
    assertThat(api.get("itu", base).statusCode()).isEqualTo(200);
    assertThat(api.get("oosa", base + "/audit").statusCode()).isEqualTo(200);
    assertThat(api.get("wmo", base).statusCode()).isEqualTo(404);
    assertThat(api.get("unodc", base + "/document.html").statusCode()).isEqualTo(404);
    assertThat(json(api.get("wmo", "/api/reports")).findValuesAsText("reportId")).doesNotContain(report.value());
    assertThat(json(api.get("itu", "/api/reports")).findValuesAsText("reportId")).contains(report.value());

    // The aggregate agrees: ITU revises its paragraph, OOSA drafts, WMO finds no report.
    assertThat(api.put("itu", base + "/paragraphs/" + paragraph, "{\"text\":\"ITU reported again.\",\"baseRevision\":1}")
        .statusCode()).isEqualTo(200);
    assertThat(api.post("oosa", base + "/paragraphs", "{\"sectionId\":\"" + section + "\",\"text\":\"OOSA reported.\"}")
        .statusCode()).isEqualTo(201);
    HttpResponse<String> refused =
        api.post("wmo", base + "/paragraphs", "{\"sectionId\":\"" + section + "\",\"text\":\"WMO reported.\"}");
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(json(refused).get("type").asText()).isEqualTo("urn:rapporteur:problem:unknown-report");

    // From here on, members change as in any report.
    assertThat(api.post("secretary", base + "/members", "{\"entity\":\"WMO\"}").statusCode()).isEqualTo(201);
    assertThat(api.post("wmo", base + "/paragraphs", "{\"sectionId\":\"" + section + "\",\"text\":\"WMO reported.\"}")
        .statusCode()).isEqualTo(201);
    long removed = json(api.send("secretary", "DELETE", base + "/members/ITU", null)).get("position").asLong();
    assertThat(api.put("itu", base + "/paragraphs/" + paragraph, "{\"text\":\"ITU once more.\",\"baseRevision\":2}")
        .statusCode()).isEqualTo(404);
    assertThat(api.getWhenProjected(report.value(), removed, Duration.ofSeconds(30)).statusCode()).isEqualTo(200);
    assertThat(api.get("itu", base).statusCode()).isEqualTo(404);
  }

  private static ReportHeader header() {
    return new ReportHeader("Inter-Agency Meeting on Outer Space Activities", 39, "Report on its thirty-ninth session",
        "online", LocalDate.of(2020, 8, 20), LocalDate.of(2020, 8, 21), "en", null, null, null, List.of());
  }
}
