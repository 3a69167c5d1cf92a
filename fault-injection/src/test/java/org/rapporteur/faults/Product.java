package org.rapporteur.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.rapporteur.embedded.EmbeddedRapporteur;
import org.rapporteur.query.QuerySideApplication;
import org.rapporteur.testing.load.Api;
import org.rapporteur.testing.load.Database;
import org.rapporteur.testing.load.Waits;
import org.rapporteur.testing.process.Broker;
import org.rapporteur.testing.process.ChildJvm;
import org.rapporteur.testing.process.Ports;

/**
 * The embedded default (or a query side on its own) as a child JVM, on a fixed port so that
 * clients find it again after a restart, against an external broker and a given database.
 */
final class Product {

  private final int port;
  private final ChildJvm jvm;

  private Product(int port, ChildJvm jvm) {
    this.port = port;
    this.jvm = jvm;
  }

  /** The embedded default: both sides, demo data off. */
  static Product embedded(Path directory, Broker broker, Database database, List<String> extra) {
    return create("product", directory, EmbeddedRapporteur.class.getName(), broker, database,
        List.of("-Xmx640m", "-Drapporteur.embedded.kafka=external"), extra);
  }

  /**
   * A second query side on the embedded default's database and consumer group. The schema is the
   * embedded default's, migrated by it: this one leaves Flyway alone.
   */
  static Product querySide(Path directory, Broker broker, Database database) {
    return create("query-side-2", directory, QuerySideApplication.class.getName(), broker, database,
        List.of("-Xmx384m"), List.of("--spring.flyway.enabled=false", "--rapporteur.identity.mode=demo",
            "--rapporteur.identity.demo-password=demo"));
  }

  private static Product create(String name, Path directory, String mainClass, Broker broker, Database database,
      List<String> jvmOptions, List<String> extra) {
    int port = Ports.free();
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + port,
        "--server.address=127.0.0.1",
        "--rapporteur.kafka.bootstrap-servers=" + broker.bootstrapServers(),
        "--rapporteur.demo.enabled=false"));
    args.addAll(database.productArguments());
    args.addAll(extra);
    return new Product(port, new ChildJvm(name, directory, jvmOptions, mainClass, args));
  }

  Api api() {
    return new Api(port);
  }

  void start() {
    jvm.start();
    Api api = api();
    Waits.until(jvm.name() + " on " + port, Duration.ofSeconds(180), () -> {
      if (!jvm.alive()) {
        throw new IllegalStateException(jvm.name() + " exited; see " + jvm.log());
      }
      try {
        return api.get("auditor", "/api/reports").ok();
      } catch (IOException e) {
        return false;
      }
    });
  }

  boolean alive() {
    return jvm.alive();
  }

  void stop() {
    jvm.stop();
  }

  void kill() {
    jvm.kill();
  }

  Path log() {
    return jvm.log();
  }
}
