package org.rapporteur.query.projection;

import org.rapporteur.testing.TestDatabases;

class ProjectorOnPostgresTest extends ProjectorTest {
  @Override
  ProjectionFixture fixture() throws Exception {
    return new ProjectionFixture(TestDatabases.postgresUrl(), "postgres", TestDatabases.postgresPassword());
  }
}
