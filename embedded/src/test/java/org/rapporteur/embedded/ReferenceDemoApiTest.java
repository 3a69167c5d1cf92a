package org.rapporteur.embedded;

import org.rapporteur.testing.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default with the demo on, as a new user first starts it. The tests that read the
 * rebuilt reference report share this one application (and its one demo load).
 */
abstract class ReferenceDemoApiTest extends EmbeddedApiTest {

  static final String REPORT = "un-space-40";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    properties(registry, TestDatabases.h2Url(), "sa", "");
    registry.add("rapporteur.demo.enabled", () -> "true");
  }

  @Autowired JdbcTemplate eventStore;

  /**
   * The reference report's last position, as the event store holds it (the demo is loaded before
   * the application answers; its projection may still be running): waiting for it means the demo
   * is fully projected.
   */
  long demoPosition(Api api) {
    return eventStore.queryForObject(
        "SELECT MAX(sequenceNumber) + 1 FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, REPORT);
  }

  String referenceHtml(Api api) throws Exception {
    return api.get("auditor", "/api/reports/" + REPORT + "/document.html?minPosition=" + demoPosition(api)).body();
  }
}
