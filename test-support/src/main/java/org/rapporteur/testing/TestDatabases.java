package org.rapporteur.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The databases tests run against. PostgreSQL is the local server on 127.0.0.1:5432 (trust auth,
 * database {@code test}) or, where none listens and a Docker engine runs, a Testcontainers one.
 * Each call gets a fresh schema so tests never see each other's rows.
 */
public final class TestDatabases {

  private static final String LOCAL_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
  private static PostgreSQLContainer container;

  private TestDatabases() {}

  /** A fresh in-memory H2 database. */
  public static String h2Url() {
    return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  /**
   * A fresh PostgreSQL schema's JDBC URL (user {@code postgres}, no password). Skips the test,
   * saying why, when no PostgreSQL is reachable; on CI ({@code CI=true}) fails instead, because CI
   * provides one.
   */
  public static synchronized String postgresUrl() {
    String base = reachable(LOCAL_POSTGRES) ? LOCAL_POSTGRES : containerUrl();
    if (base == null) {
      String why = "no PostgreSQL on 127.0.0.1:5432 and no Docker engine for Testcontainers";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI must run the PostgreSQL tests, but " + why);
      }
      System.out.println("SKIPPED PostgreSQL test: " + why);
      Assumptions.abort(why);
    }
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(base, "postgres", postgresPassword());
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test schema in " + base, e);
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** The password of the {@code postgres} user of {@link #postgresUrl()}'s server. */
  public static synchronized String postgresPassword() {
    return container == null ? "" : container.getPassword();
  }

  private static boolean reachable(String url) {
    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static String containerUrl() {
    if (container == null) {
      try {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
          return null;
        }
      } catch (RuntimeException e) {
        return null;
      }
      container = new PostgreSQLContainer("postgres:17").withDatabaseName("test").withUsername("postgres").withPassword("postgres");
      container.start();
    }
    return container.getJdbcUrl();
  }
}
