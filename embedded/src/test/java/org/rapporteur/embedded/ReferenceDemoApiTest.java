package org.rapporteur.embedded;

import org.rapporteur.testing.TestDatabases;
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

  /** The reference report's last position: waiting for it means the demo is fully projected. */
  long demoPosition(Api api) throws Exception {
    return json(api.get("auditor", "/api/reports")).get(0).get("position").asLong();
  }

  String referenceHtml(Api api) throws Exception {
    return api.get("auditor", "/api/reports/" + REPORT + "/document.html?minPosition=" + demoPosition(api)).body();
  }
}
