package org.rapporteur.embedded.integrity;

import org.rapporteur.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class WhyTimelineOnPostgresTest extends WhyTimelineTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    properties(registry, TestDatabases.postgresUrl(), "postgres", TestDatabases.postgresPassword());
  }
}
