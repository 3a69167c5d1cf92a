package org.rapporteur.command.publishing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report events' topic, created by the command side with the guarantees the record needs: no
 * retention limit in time or size, no compaction, no unclean leader election, and
 * {@code min.insync.replicas} from configuration. An existing topic that would forget or compact
 * events is refused, with what to change: every rebuild and every new query-side instance reads
 * the topic from offset 0, so a forgotten event is lost to them for good.
 */
public class ReportTopic {

  private static final Logger log = LoggerFactory.getLogger(ReportTopic.class);
  /** Headers and record batch framing around an event's JSON, with room to spare. */
  static final int RECORD_OVERHEAD_BYTES = 16 * 1024;
  private static final Duration METADATA_RETRY = Duration.ofMillis(100);

  /** The topic would lose or rewrite events; nothing is published to it. */
  public static final class UnsafeTopicException extends IllegalStateException {
    UnsafeTopicException(String message) {
      super(message);
    }
  }

  private final Admin admin;
  private final KafkaPublishingProperties properties;
  private final int maxEventBytes;
  private final Duration timeout;
  private volatile boolean ready;

  public ReportTopic(Admin admin, KafkaPublishingProperties properties, int maxEventBytes, Duration timeout) {
    this.admin = admin;
    this.properties = properties;
    this.maxEventBytes = maxEventBytes;
    this.timeout = timeout;
  }

  /** Whether the topic was created or found safe since start. */
  public boolean ready() {
    return ready;
  }

  /**
   * Creates the topic when it is missing, else checks it; once it succeeded it does nothing.
   *
   * @throws UnsafeTopicException when the existing topic would forget or compact events
   * @throws IllegalStateException when Kafka does not answer in time
   */
  public void ensure() {
    if (ready) {
      return;
    }
    try {
      create();
      check(describe());
      ready = true;
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka did not answer about topic " + properties.topic() + ": " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer about topic " + properties.topic() + " within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking topic " + properties.topic(), e);
    }
  }

  private void create() throws ExecutionException, InterruptedException, TimeoutException {
    NewTopic topic = new NewTopic(properties.topic(), properties.partitions(), properties.replicationFactor())
        .configs(Map.of(
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1",
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false",
            TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(properties.minInsyncReplicas())));
    try {
      admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      log.info("created topic {}: {} partitions, {} replicas, min.insync.replicas {}, kept for good",
          properties.topic(), properties.partitions(), properties.replicationFactor(), properties.minInsyncReplicas());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  /**
   * Reads the topic's configuration. Right after creation the broker asked may not know the topic
   * yet (the controller has it, the broker's metadata follows a moment later), so an unknown topic
   * is asked again until the timeout.
   */
  private Config describe() throws ExecutionException, InterruptedException, TimeoutException {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, properties.topic());
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      try {
        return admin.describeConfigs(List.of(resource)).all().get(left, TimeUnit.MILLISECONDS).get(resource);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() >= deadline) {
          throw e;
        }
        Thread.sleep(METADATA_RETRY.toMillis());
      }
    }
  }

  /** Refuses a topic that would forget or compact events, or refuse the largest event allowed. */
  void check(Config config) {
    List<String> problems = new ArrayList<>();
    value(config, TopicConfig.RETENTION_MS_CONFIG).filter(v -> !v.equals("-1"))
        .ifPresent(v -> problems.add(TopicConfig.RETENTION_MS_CONFIG + "=" + v + " (must be -1)"));
    value(config, TopicConfig.RETENTION_BYTES_CONFIG).filter(v -> !v.equals("-1"))
        .ifPresent(v -> problems.add(TopicConfig.RETENTION_BYTES_CONFIG + "=" + v + " (must be -1)"));
    value(config, TopicConfig.CLEANUP_POLICY_CONFIG).filter(v -> v.contains(TopicConfig.CLEANUP_POLICY_COMPACT))
        .ifPresent(v -> problems.add(TopicConfig.CLEANUP_POLICY_CONFIG + "=" + v + " (must be delete)"));
    value(config, TopicConfig.MAX_MESSAGE_BYTES_CONFIG).map(Integer::parseInt)
        .filter(v -> v < maxEventBytes + RECORD_OVERHEAD_BYTES)
        .ifPresent(v -> problems.add(TopicConfig.MAX_MESSAGE_BYTES_CONFIG + "=" + v + " (must be at least "
            + (maxEventBytes + RECORD_OVERHEAD_BYTES) + " for rapporteur.events.max-bytes=" + maxEventBytes + ")"));
    if (!problems.isEmpty()) {
      throw new UnsafeTopicException("Topic " + properties.topic() + " would lose report events: "
          + String.join(", ", problems) + ". Set these on the topic with any Kafka admin client (e.g. kafka-configs.sh"
          + " --alter --entity-type topics --entity-name " + properties.topic() + " --add-config retention.ms=-1,"
          + "retention.bytes=-1,cleanup.policy=delete), or point rapporteur.kafka.topic at a new topic.");
    }
    value(config, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)
        .filter(v -> !v.equals(Integer.toString(properties.minInsyncReplicas())))
        .ifPresent(v -> log.warn("topic {} has min.insync.replicas={}, configuration says {}; the topic's value holds",
            properties.topic(), v, properties.minInsyncReplicas()));
  }

  private static Optional<String> value(Config config, String name) {
    return Optional.ofNullable(config.get(name)).map(ConfigEntry::value);
  }
}
