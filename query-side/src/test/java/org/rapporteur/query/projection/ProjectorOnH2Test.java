package org.rapporteur.query.projection;

import org.rapporteur.testing.TestDatabases;

class ProjectorOnH2Test extends ProjectorTest {
  @Override
  ProjectionFixture fixture() throws Exception {
    return new ProjectionFixture(TestDatabases.h2Url(), "sa", "");
  }
}
