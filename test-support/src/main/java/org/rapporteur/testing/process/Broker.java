package org.rapporteur.testing.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.rapporteur.kafka.embedded.KafkaBrokerProcess;
import org.rapporteur.testing.Await;

/** The Kafka broker (KRaft, one node) as a child process with its log under a directory of its own. */
public final class Broker {

  public final int port = Ports.free();
  private final ChildJvm jvm;

  public Broker(Path directory) {
    this(directory, List.of("-Xmx384m"));
  }

  public Broker(Path directory, List<String> jvmOptions) {
    jvm = new ChildJvm("broker", directory, jvmOptions, KafkaBrokerProcess.class.getName(),
        List.of(directory.resolve("kafka").toString(), Integer.toString(port)));
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  public void start() {
    jvm.start();
    try {
      Await.until("the broker on " + port, Duration.ofSeconds(90), this::answers);
    } catch (AssertionError e) {
      // A broker that does not come up failed to start, as one that exits does: callers such as
      // the fault-injection suite recover from an IllegalStateException and record it.
      throw new IllegalStateException(e.getMessage(), e);
    }
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
