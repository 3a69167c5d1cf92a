package org.rapporteur.embedded.projection;

import org.rapporteur.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ProjectionApiOnPostgresTest extends ProjectionApiTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    projectionProperties(registry, TestDatabases.postgresUrl(), "postgres", TestDatabases.postgresPassword());
  }
}
