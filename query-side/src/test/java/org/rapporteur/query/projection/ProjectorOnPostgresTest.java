package org.rapporteur.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rapporteur.testing.TestDatabases;

class ProjectorOnPostgresTest extends ProjectorTest {
  @Override
  ProjectionFixture fixture() throws Exception {
    return new ProjectionFixture(TestDatabases.postgresUrl(), "postgres", TestDatabases.postgresPassword());
  }

  /** Whole drafts are written at every batch that changes them: lz4 costs the database a third of pglz. */
  @Test
  void draftsAreCompressedWithLz4WhereTheServerHasIt() throws Exception {
    try (ProjectionFixture fixture = fixture()) {
      boolean lz4 = fixture.jdbc.queryForObject(
          "SELECT count(*) FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)",
          Long.class) > 0;
      String method = fixture.jdbc.queryForObject(
          "SELECT attcompression::text FROM pg_attribute WHERE attrelid = 'q_draft'::regclass AND attname = 'draft'",
          String.class);
      assertThat(method).isEqualTo(lz4 ? "l" : "");
    }
  }
}
