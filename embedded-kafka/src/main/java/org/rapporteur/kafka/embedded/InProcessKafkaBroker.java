package org.rapporteur.kafka.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Apache Kafka broker in KRaft mode (broker and controller in one), running in
 * this JVM from the Maven Central artifacts. Its log lives under {@code dataDirectory}, so what it
 * stored survives a restart; the directory is formatted once, on first start.
 *
 * <p>It is the embedded default's event transport and the tests' broker where no Docker engine can
 * run a Kafka container.
 */
public final class InProcessKafkaBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InProcessKafkaBroker.class);
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final Path dataDirectory;
  private final int port;
  private final int controllerPort;
  private final String clusterId;
  private final Map<String, String> settings;
  private KafkaRaftServer server;

  private InProcessKafkaBroker(Path dataDirectory, int port, int controllerPort, String clusterId,
      Map<String, String> settings) {
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.controllerPort = controllerPort;
    this.clusterId = clusterId;
    this.settings = Map.copyOf(settings);
  }

  /**
   * Starts a broker.
   *
   * @param dataDirectory where the log is kept; created and formatted when empty
   * @param port the client port, {@code 0} for any free one
   */
  public static InProcessKafkaBroker start(Path dataDirectory, int port) {
    return start(dataDirectory, port, Uuid.randomUuid().toString(), Map.of());
  }

  /**
   * Starts a broker whose settings override the single node's: one node of a cluster, say, with
   * its {@code node.id}, {@code listeners} and {@code controller.quorum.voters} and the replication
   * the cluster allows. Every node of one cluster is formatted with the same {@code clusterId}.
   *
   * @param port the client port, which {@code listeners} in {@code settings} must then name
   */
  public static InProcessKafkaBroker start(Path dataDirectory, int port, String clusterId, Map<String, String> settings) {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    InProcessKafkaBroker broker = new InProcessKafkaBroker(
        dataDirectory.toAbsolutePath(), port == 0 ? freePort() : port, freePort(), clusterId, settings);
    broker.startup();
    return broker;
  }

  /** {@code host:port} for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "localhost:" + port;
  }

  private synchronized void startup() {
    Path logDirectory = dataDirectory.resolve("kafka-logs");
    try {
      Files.createDirectories(logDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Kafka log directory " + logDirectory, e);
    }
    Properties properties = properties(logDirectory);
    KafkaConfig config = new KafkaConfig(properties, false);
    format(logDirectory, Integer.parseInt(properties.getProperty("node.id")));
    server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    log.info("Kafka broker (KRaft) listening on {} with its log in {}", bootstrapServers(), logDirectory);
  }

  private Properties properties(Path logDirectory) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
    p.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("log.dirs", logDirectory.toString());
    // One node: every internal topic has one replica, and consumers need not wait for peers.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("num.partitions", "3");
    // Topics are created on purpose, with the retention they need: one created by a stray client
    // would take the broker's defaults, which forget records after a week.
    p.put("auto.create.topics.enable", "false");
    p.putAll(settings);
    return p;
  }

  private void format(Path logDirectory, int nodeId) {
    if (Files.exists(logDirectory.resolve("meta.properties"))) {
      return; // formatted on an earlier start: keep its cluster id and its data
    }
    try {
      new Formatter()
          .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
          .setNodeId(nodeId)
          .setClusterId(clusterId)
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setMetadataLogDirectory(logDirectory.toString())
          .setDirectories(List.of(logDirectory.toString()))
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format the Kafka log directory " + logDirectory, e);
    }
  }

  /** Stops the broker and waits for it; the log stays on disk. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
      log.info("Kafka broker on {} stopped", bootstrapServers());
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the Kafka broker", e);
    }
  }
}
