package org.rapporteur.query.projection;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The Kafka consumer, the projections it feeds, their rebuild and their health. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionProperties.class)
public class ProjectionConfiguration {

  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

  @Bean
  ProjectionStore projectionStore(JdbcTemplate jdbc) {
    return new ProjectionStore(jdbc);
  }

  @Bean
  ProjectionPositions projectionPositions() {
    return new ProjectionPositions();
  }

  @Bean
  ProjectionCounters projectionCounters() {
    return new ProjectionCounters();
  }

  @Bean
  ReportProjector reportProjector(
      ProjectionProperties properties,
      ProjectionStore store,
      PlatformTransactionManager transactionManager,
      ProjectionPositions positions,
      ProjectionCounters counters) {
    return new ReportProjector(
        () -> consumer(properties, properties.consumerGroup()),
        store,
        new TransactionTemplate(transactionManager),
        positions,
        properties.topic(),
        counters);
  }

  @Bean
  ReportReprojection reportReprojection(ProjectionProperties properties, ProjectionStore store, ReportProjector projector) {
    return new ReportReprojection(store, projector, () -> consumer(properties, null));
  }

  @Bean
  ProjectionRebuild projectionRebuild(
      ProjectionProperties properties,
      ProjectionStore store,
      PlatformTransactionManager transactionManager,
      ReportProjector projector,
      ProjectionCounters counters) {
    Supplier<Consumer<byte[], byte[]>> consumers = () -> consumer(properties, null);
    return new ProjectionRebuild(
        store, new TransactionTemplate(transactionManager), projector, consumers, properties.topic(),
        ProjectionRebuild.RETIRE_AFTER, counters);
  }

  @Bean(destroyMethod = "close")
  Admin projectionAdmin(ProjectionProperties properties) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
            AdminClientConfig.CLIENT_ID_CONFIG, "rapporteur-query-side-health",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) HEALTH_TIMEOUT.toMillis(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) HEALTH_TIMEOUT.toMillis()));
  }

  @Bean
  ProjectionHealthIndicator projectionHealthIndicator(
      Admin projectionAdmin, ProjectionStore store, ReportProjector projector, ProjectionProperties properties,
      ProjectionCounters counters) {
    return new ProjectionHealthIndicator(projectionAdmin, store, projector, properties.topic(), HEALTH_TIMEOUT, counters,
        properties.groupInstanceId());
  }

  @Bean
  MeterBinder projectionMeters(ProjectionStore store, ProjectionCounters counters, ReportProjector projector) {
    return registry -> {
      Gauge.builder("rapporteur.projection.lag", projector, ReportProjector::lag)
          .description("Records in this instance's partitions that it has not projected yet, as of its last poll")
          .register(registry);
      Gauge.builder("rapporteur.projection.parked", store, s -> s.parkedCount(s.activeGeneration()))
          .description("Records the active projection keeps aside: waiting, conflicting, failed or unreadable")
          .register(registry);
      FunctionCounter.builder("rapporteur.projection.conflicts", counters, ProjectionCounters::conflicts)
          .description("Records that carried another event at a position already applied: forks of the log")
          .register(registry);
    };
  }

  /**
   * A consumer of the report events: in the group when {@code group} is given (the live
   * projector), else assigned by hand (a rebuild). Offsets live in the projection's database.
   */
  /** Records one poll returns at most. */
  static final int MAX_POLL_RECORDS = 1_000;

  static KafkaConsumer<byte[], byte[]> consumer(ProjectionProperties properties, String group) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, group == null ? "rapporteur-query-side-rebuild" : "rapporteur-query-side");
    if (group != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
      if (properties.groupInstanceId() != null) {
        config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, properties.groupInstanceId());
      }
      // A crashed instance keeps its partitions, unread, until its session times out: 10 s, not
      // the client's 45 s, bounds how long reads of its reports wait after a crash.
      config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
      config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
    }
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // The command side creates the topic with the retention the record needs; a consumer that
    // created it first would give it the broker's defaults, which forget events after a week.
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
    config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
