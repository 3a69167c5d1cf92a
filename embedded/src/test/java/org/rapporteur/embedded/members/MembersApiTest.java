package org.rapporteur.embedded.members;

import java.util.UUID;
import org.rapporteur.embedded.EmbeddedApiTest;
import org.rapporteur.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The embedded default on H2 for the member tests, with a short minPosition wait. */
abstract class MembersApiTest extends EmbeddedApiTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    properties(registry, TestDatabases.h2Url(), "sa", "");
    registry.add("rapporteur.kafka.max-position-wait", () -> "1500ms");
  }

  static String newReportId() {
    return "m-" + UUID.randomUUID();
  }
}
