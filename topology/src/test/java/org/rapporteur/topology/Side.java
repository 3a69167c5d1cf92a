package org.rapporteur.topology;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.rapporteur.testing.load.Api;
import org.rapporteur.testing.load.Database;
import org.rapporteur.testing.load.Waits;
import org.rapporteur.testing.process.ChildJvm;
import org.rapporteur.testing.process.Ports;

/**
 * One instance of a side, started from the executable jar its Dockerfile copies, on a loopback
 * port of its own that it keeps across restarts (the front door's upstream names it). Both sides
 * run the demo identity here: the harness has no identity provider, and who may do what is the
 * same in both modes.
 */
final class Side {

  enum Kind {
    COMMAND("command-side", "topology.command-side.jar"),
    QUERY("query-side", "topology.query-side.jar");

    /** What its health shows as its role. */
    final String role;
    final String jarProperty;

    Kind(String role, String jarProperty) {
      this.role = role;
      this.jarProperty = jarProperty;
    }

    Path jar() {
      Path jar = Path.of(System.getProperty(jarProperty, "missing"));
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(jar + " is missing: the harness runs the sides from their -exec.jar, built by"
            + " `mvn -pl topology -am verify` (package phase)");
      }
      return jar;
    }
  }

  private static final Duration START = Duration.ofSeconds(240);

  final String name;
  final Kind kind;
  final int port = Ports.free();
  private final ChildJvm jvm;

  Side(String name, Kind kind, Path directory, String bootstrapServers, Database database, Path keys) {
    this.name = name;
    this.kind = kind;
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + port,
        "--server.address=127.0.0.1",
        "--rapporteur.kafka.bootstrap-servers=" + bootstrapServers,
        "--rapporteur.identity.mode=demo",
        "--rapporteur.identity.demo-password=demo"));
    args.addAll(database.productArguments());
    if (kind == Kind.COMMAND) {
      Topology.topicSettings().forEach((key, value) -> args.add("--" + key + "=" + value));
      // One signing key for every command-side instance (ADR 0010), as compose's shared volume.
      args.add("--rapporteur.integrity.key-directory=" + keys);
    } else {
      args.add("--rapporteur.kafka.consumer-group=" + Topology.CONSUMER_GROUP);
      // A stable member id: a restarted instance takes its partitions back at once.
      args.add("--rapporteur.kafka.group-instance-id=" + name);
    }
    jvm = ChildJvm.jar(name, directory.resolve(name), List.of("-Xmx320m"), kind.jar(), args);
  }

  Api api() {
    return new Api(port);
  }

  /** Starts the instance and waits until its health is UP. */
  void start() {
    launch();
    awaitUp();
  }

  void launch() {
    jvm.start();
  }

  void awaitUp() {
    Waits.until(name + " UP on " + port, START, () -> {
      if (!jvm.alive()) {
        throw new IllegalStateException(name + " exited; see " + jvm.log());
      }
      JsonNode health = health();
      return health != null && "UP".equals(health.path("status").asText());
    });
  }

  /** The instance's {@code /actuator/health}, details included; null when it does not answer. */
  JsonNode health() {
    try {
      return api().get("admin", "/actuator/health").body();
    } catch (IOException e) {
      return null;
    }
  }

  /** The role its health shows, from the component of its side. */
  String role() {
    JsonNode health = health();
    String component = kind == Kind.COMMAND ? "publication" : "projection";
    return health == null ? null : health.path("components").path(component).path("details").path("role").asText(null);
  }

  /** The partitions the group assigned it, as its health shows them. */
  Set<Integer> partitions() {
    Set<Integer> partitions = new TreeSet<>();
    JsonNode health = health();
    if (health != null) {
      health.path("components").path("projection").path("details").path("assignedPartitions")
          .forEach(p -> partitions.add(p.asInt()));
    }
    return partitions;
  }

  void stop() {
    jvm.stop();
  }

  void kill() {
    jvm.kill();
  }

  boolean alive() {
    return jvm.alive();
  }

  Path log() {
    return jvm.log();
  }
}
