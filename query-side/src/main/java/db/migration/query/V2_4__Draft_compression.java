package db.migration.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, compresses the stored drafts with lz4 instead of the default pglz: the projector
 * writes a report's whole draft at each batch that changes it, and compressing a draft of a few
 * hundred paragraphs with pglz costs the database about three times what lz4 does (issue 15,
 * docs/performance.md). Only values written from now on are compressed so. Nothing to do on H2,
 * or on a PostgreSQL built without lz4.
 */
public class V2_4__Draft_compression extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      boolean lz4;
      try (ResultSet rows = statement.executeQuery(
          "SELECT count(*) FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)")) {
        rows.next();
        lz4 = rows.getInt(1) > 0;
      }
      if (lz4) {
        statement.execute("ALTER TABLE q_draft ALTER COLUMN draft SET COMPRESSION lz4");
      }
    }
  }
}
