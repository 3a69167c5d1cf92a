package org.rapporteur.query.projection;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code projection} part of {@code /actuator/health}: whether Kafka answers, how far the
 * projection lags behind the topic per partition (end offsets minus the offsets stored with the
 * active generation), how many records are parked, which reports are on hold and why (a gap, a
 * fork of the log, an event the fold refused, each with its position), the forks counted since
 * start, and whether the projector runs; and this instance's own part: its role, the partitions the
 * group assigned it and its lag on them (several instances share one group, ADR 0011). DOWN when Kafka does not answer or the projector stopped;
 * reports on hold are reported, not DOWN, since the other reports are served.
 */
class ProjectionHealthIndicator implements HealthIndicator {

  private final Admin admin;
  private final ProjectionStore store;
  private final ReportProjector projector;
  private final String topic;
  private final Duration timeout;
  private final ProjectionCounters counters;
  private final String groupInstanceId;

  ProjectionHealthIndicator(Admin admin, ProjectionStore store, ReportProjector projector, String topic, Duration timeout,
      ProjectionCounters counters, String groupInstanceId) {
    this.groupInstanceId = groupInstanceId;
    this.admin = admin;
    this.store = store;
    this.projector = projector;
    this.topic = topic;
    this.timeout = timeout;
    this.counters = counters;
  }

  @Override
  public Health health() {
    int generation = store.activeGeneration();
    Health.Builder health = Health.up();
    health.withDetail("role", "query-side");
    if (groupInstanceId != null) {
      health.withDetail("groupInstanceId", groupInstanceId);
    }
    health.withDetail("assignedPartitions", projector.assignedPartitions());
    health.withDetail("instanceLag", projector.lag());
    health.withDetail("generation", generation);
    health.withDetail("parkedEvents", store.parkedCount(generation));
    health.withDetail("heldReports", store.heldReports(generation));
    health.withDetail("conflicts", counters.conflicts());
    health.withDetail("projectorRunning", projector.isRunning());
    if (projector.lastError() != null) {
      health.withDetail("projectorLastError", projector.lastError());
    }
    if (!projector.isRunning()) {
      health.down();
    }
    try {
      int brokers =
          admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
              .nodes()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .size();
      health.withDetail("kafka", Map.of("reachable", true, "brokers", brokers));
      Map<Integer, Long> lag = lag(generation);
      health.withDetail("lag", Map.of("total", lag.values().stream().mapToLong(Long::longValue).sum(), "partitions", lag));
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      health.down().withDetail("kafka", Map.of("reachable", false, "error", String.valueOf(cause)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      health.down().withDetail("kafka", Map.of("reachable", false, "error", "interrupted"));
    }
    return health.build();
  }

  /** Records per partition that the topic holds and the projection has not consumed yet. */
  private Map<Integer, Long> lag(int generation) throws ExecutionException, InterruptedException, TimeoutException {
    TopicDescription description;
    try {
      description = admin.describeTopics(java.util.List.of(topic)).allTopicNames()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Map.of(); // nothing published yet
      }
      throw e;
    }
    Map<TopicPartition, OffsetSpec> latest =
        description.partitions().stream()
            .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
    var ends =
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
            .all()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    Map<TopicPartition, Long> stored = store.offsets(generation, topic);
    Map<Integer, Long> lag = new TreeMap<>();
    ends.forEach((partition, end) ->
        lag.put(partition.partition(), Math.max(0, end.offset() - stored.getOrDefault(partition, 0L))));
    return lag;
  }
}
