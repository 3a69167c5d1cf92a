package org.rapporteur.testing.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Where the product keeps its event store and projections, and how the checks read it. */
public record Database(String url, String user, String password, boolean postgres) {

  public static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  /**
   * The embedded default's own H2 file, {@code ./data/rapporteur} under the product's working
   * directory; read only while the product is stopped (H2 locks its file).
   */
  public static Database h2(Path workingDirectory) {
    return new Database("jdbc:h2:file:" + workingDirectory.toAbsolutePath().resolve("data/rapporteur"), "sa", "", false);
  }

  /** What the product is told: nothing for H2, whose URL (and its durability settings) is the product's own. */
  public List<String> productArguments() {
    return postgres
        ? List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
            "--spring.datasource.password=" + password)
        : List.of();
  }

  /** A PostgreSQL database of its own on the local server, dropped and created anew. */
  public static Database freshPostgres(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(POSTGRES_SERVER + "test", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    }
    return new Database(POSTGRES_SERVER + name, "postgres", "", true);
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }
}
