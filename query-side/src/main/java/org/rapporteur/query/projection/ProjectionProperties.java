package org.rapporteur.query.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the query side reads events from, and how long a query waits for a position.
 *
 * @param bootstrapServers Kafka's {@code bootstrap.servers}
 * @param topic the report events topic
 * @param consumerGroup the consumer group all query-side instances share
 * @param maxPositionWait how long {@code minPosition} waits before answering 503
 * @param groupInstanceId this instance's static member id in the group, stable across restarts
 *     (a pod's name, say), or null (or blank): a restarted instance with the same id takes its partitions
 *     back at once instead of waiting for its former self's session to time out
 */
@ConfigurationProperties("rapporteur.kafka")
public record ProjectionProperties(
    String bootstrapServers, String topic, String consumerGroup, Duration maxPositionWait, String groupInstanceId) {

  public ProjectionProperties {
    bootstrapServers = bootstrapServers == null ? "localhost:9092" : bootstrapServers;
    topic = topic == null ? "rapporteur.report-events" : topic;
    consumerGroup = consumerGroup == null ? "rapporteur-query-side" : consumerGroup;
    maxPositionWait = maxPositionWait == null ? Duration.ofSeconds(5) : maxPositionWait;
    groupInstanceId = groupInstanceId == null || groupInstanceId.isBlank() ? null : groupInstanceId;
  }
}
