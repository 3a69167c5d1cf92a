package org.rapporteur.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.rapporteur.kafka.embedded.KafkaBrokerProcess;

/** The Kafka broker (KRaft, one node) as a child process with its log under a directory of its own. */
final class Broker {

  final int port = Ports.free();
  private final ChildJvm jvm;

  Broker(Path directory) {
    jvm = new ChildJvm("broker", directory, List.of("-Xmx384m"), KafkaBrokerProcess.class.getName(),
        List.of(directory.resolve("kafka").toString(), Integer.toString(port)));
  }

  String bootstrapServers() {
    return "localhost:" + port;
  }

  void start() {
    jvm.start();
    Waits.until("the broker on " + port, Duration.ofSeconds(90), this::answers);
  }

  void stop() {
    jvm.stop();
  }

  void kill() {
    jvm.kill();
  }

  void freeze() {
    jvm.freeze();
  }

  boolean alive() {
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

  Admin admin() {
    return Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
  }
}
