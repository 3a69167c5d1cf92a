package org.rapporteur.testing.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.rapporteur.kafka.embedded.KafkaBrokerProcess;
import org.rapporteur.testing.Await;

/**
 * A Kafka broker (KRaft) as a child process with its log under a directory of its own: a single
 * node, or one node of a {@link KafkaCluster}.
 */
public final class Broker {

  public final int port;
  private final ChildJvm jvm;

  public Broker(Path directory) {
    this(directory, List.of("-Xmx384m"));
  }

  public Broker(Path directory, List<String> jvmOptions) {
    this("broker", directory, jvmOptions, Ports.free(), List.of());
  }

  private Broker(String name, Path directory, List<String> jvmOptions, int port, List<String> clusterArgs) {
    this.port = port;
    List<String> args = new ArrayList<>(List.of(directory.resolve(name).toString(), Integer.toString(port)));
    args.addAll(clusterArgs);
    jvm = new ChildJvm(name, directory, jvmOptions, KafkaBrokerProcess.class.getName(), args);
  }

  /** One node of a cluster, its log in {@code directory/<name>}, formatted with {@code clusterId} on first start. */
  static Broker clusterNode(String name, Path directory, List<String> jvmOptions, int port, String clusterId,
      Map<String, String> settings) {
    List<String> args = new ArrayList<>(List.of(clusterId));
    settings.forEach((key, value) -> args.add(key + "=" + value));
    return new Broker(name, directory, jvmOptions, port, args);
  }

  public Path log() {
    return jvm.log();
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  public void start() {
    launch();
    try {
      Await.until("the broker on " + port, Duration.ofSeconds(90), this::answers);
    } catch (AssertionError e) {
      // A broker that does not come up failed to start, as one that exits does: callers such as
      // the fault-injection suite recover from an IllegalStateException and record it.
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Starts the process without waiting for it: the nodes of a cluster elect a leader only together. */
  void launch() {
    jvm.start();
  }

  public void stop() {
    jvm.stop();
  }

  public void kill() {
    jvm.kill();
  }

  public void freeze() {
    jvm.freeze();
  }

  public boolean alive() {
    return jvm.alive();
  }

  private boolean answers() {
    if (!jvm.alive()) {
      throw new IllegalStateException("the broker exited; see " + jvm.log());
    }
    try (Admin admin = admin()) {
      return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  public Admin admin() {
    return Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
  }
}
