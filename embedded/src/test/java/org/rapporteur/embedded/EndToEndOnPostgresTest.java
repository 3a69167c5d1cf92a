package org.rapporteur.embedded;

import org.rapporteur.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class EndToEndOnPostgresTest extends WalkingSkeletonTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = TestDatabases.postgresUrl();
    properties(registry, url, "postgres", TestDatabases.postgresPassword());
  }
}
