package org.rapporteur.embedded.access;

import java.util.UUID;
import org.rapporteur.embedded.EmbeddedApiTest;
import org.rapporteur.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The embedded default in demo mode on H2, one context shared by the access tests. */
abstract class AccessApiTest extends EmbeddedApiTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    properties(registry, TestDatabases.h2Url(), "sa", "");
  }

  static String newReportId() {
    return "a-" + UUID.randomUUID();
  }
}
