package org.rapporteur.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The local PostgreSQL (127.0.0.1:5432, trust auth): a database per measurement, dropped after. */
final class Postgres {

  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  private Postgres() {}

  static boolean reachable() {
    try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  /** A new, empty database {@code rapporteur_bench_<name>} (an old one of that name is dropped). */
  static String create(String name) {
    String database = "rapporteur_bench_" + name;
    execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    execute("CREATE DATABASE " + database);
    return SERVER + database;
  }

  static void drop(String url) {
    execute("DROP DATABASE IF EXISTS " + url.substring(SERVER.length()) + " WITH (FORCE)");
  }

  /** The settings that decide what a commit costs; the raw baseline and the product share them. */
  static Map<String, String> durability() {
    Map<String, String> settings = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "");
        Statement s = c.createStatement()) {
      for (String name : new String[] {"server_version", "fsync", "synchronous_commit", "wal_sync_method", "full_page_writes"}) {
        try (ResultSet r = s.executeQuery("SHOW " + name)) {
          r.next();
          settings.put(name, r.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return settings;
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
