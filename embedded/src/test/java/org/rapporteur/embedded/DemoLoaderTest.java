package org.rapporteur.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapporteur.testing.TestDatabases;
import org.rapporteur.testing.TestKafka;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo loader as the embedded default runs it, started and restarted like the product: off
 * when the flag says so, on an empty store only, and with any scenario written in the format.
 */
class DemoLoaderTest {

  private static final String SMALL_SCENARIO = "scenarios/small-meeting.yaml";

  @Test
  void theFlagTurnsTheDemoOff() throws Exception {
    try (ConfigurableApplicationContext app = start(TestDatabases.h2Url(), UUID.randomUUID().toString(), "false", null)) {
      assertThat(app.getBeanNamesForType(DemoLoader.class)).isEmpty();
      assertThat(events(app)).isZero();
      assertThat(EmbeddedApiTest.json(api(app).get("auditor", "/api/reports"))).isEmpty();
    }
  }

  @Test
  void anotherScenarioIsImportedEndToEndAndOnlyIntoAnEmptyStore() throws Exception {
    // One in-memory database that outlives each start: a restart on the same data.
    String database = TestDatabases.h2Url();
    String run = UUID.randomUUID().toString();
    long loaded;
    try (ConfigurableApplicationContext app = start(database, run, "true", SMALL_SCENARIO)) {
      loaded = events(app);
      assertThat(loaded).isPositive();
      Api api = api(app);
      // The loader has stored every event before the application answers; wait for their projection.
      assertThat(api.get("auditor", "/api/reports/wmo-space-1?minPosition=" + loaded).statusCode()).isEqualTo(200);
      JsonNode reports = EmbeddedApiTest.json(api.get("auditor", "/api/reports"));
      assertThat(reports).hasSize(1);
      assertThat(reports.get(0).get("reportId").asText()).isEqualTo("wmo-space-1");
      String html = api.get("auditor", "/api/reports/wmo-space-1/document.html?minPosition="
          + reports.get(0).get("position").asLong()).body();
      assertThat(html)
          .contains("Report of the Expert Meeting on Space Weather on its first session")
          .contains("https://undocs.org/A/RES/76/76")
          .contains("Adoption of the agenda.")
          .contains("K. Smith")
          .doesNotContain("<span class=\"draft-marker\">");
      assertThat(EmbeddedApiTest.json(api.get("auditor", "/api/reports/wmo-space-1/audit?type=ReportAdopted")).get(0)
          .get("actor").get("user").asText()).isEqualTo("chair");
    }
    try (ConfigurableApplicationContext restarted = start(database, run, "true", SMALL_SCENARIO)) {
      assertThat(events(restarted)).isEqualTo(loaded);
      assertThat(api(restarted).get("auditor", "/api/reports/wmo-space-1?minPosition=" + loaded).statusCode()).isEqualTo(200);
      assertThat(EmbeddedApiTest.json(api(restarted).get("auditor", "/api/reports"))).hasSize(1);
    }
  }

  @Test
  void theSessionScenarioLoadsWithItsBisParagraphReservationConfirmationAndCorrigendum() throws Exception {
    try (ConfigurableApplicationContext app =
        start(TestDatabases.h2Url(), UUID.randomUUID().toString(), "true", "scenarios/adoption-session.yaml")) {
      long loaded = events(app);
      Api api = api(app);
      JsonNode draft = EmbeddedApiTest.json(api.get("auditor", "/api/reports/iamosa-41?minPosition=" + loaded));
      assertThat(draft.get("status").asText()).isEqualTo("ADOPTED");
      assertThat(draft.get("corrigenda").get(0).get("symbol").asText()).isEqualTo("A/AC.105/1281/Corr.1");
      String html = api.get("auditor", "/api/reports/iamosa-41/document.html").body();
      assertThat(html)
          .contains("<span class=\"num\">2 bis.</span>")
          .contains("Explanation of position (ITU): ITU joined the consensus")
          .contains("on 25 and 26 October 2022")
          .doesNotContain("<span class=\"draft-marker\">");
      assertThat(api.get("auditor", "/api/reports/iamosa-41/corrigenda/1/document.html").body())
          .contains("A/AC.105/1281/Corr.1", "Paragraph 1", "<em>For</em> 24 and 25 <em>read</em> 25 and 26");
      assertThat(EmbeddedApiTest.json(api.get("auditor", "/api/reports/iamosa-41/audit?type=ReportAdoptionConfirmed")))
          .hasSize(1);
    }
  }

  private static ConfigurableApplicationContext start(String database, String run, String demo, String scenario) {
    Map<String, String> properties = new HashMap<>(Map.of(
        "server.port", "0",
        "rapporteur.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
        "rapporteur.kafka.topic", "report-events-" + run,
        "rapporteur.kafka.consumer-group", "query-side-" + run,
        "rapporteur.demo.enabled", demo,
        "spring.datasource.url", database,
        "spring.datasource.username", "sa",
        "spring.datasource.password", ""));
    if (scenario != null) {
      properties.put("rapporteur.demo.scenario", scenario);
    }
    // As command-line arguments, the way a user overrides the embedded profile's settings.
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    return new SpringApplicationBuilder(EmbeddedRapporteur.class).profiles("embedded").run(args);
  }

  private static long events(ConfigurableApplicationContext app) {
    Long count = app.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    return count == null ? 0 : count;
  }

  private static Api api(ConfigurableApplicationContext app) {
    return new Api(((WebServerApplicationContext) app).getWebServer().getPort());
  }
}
