package org.rapporteur.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the report events go, and the topic the command side creates for them.
 *
 * @param bootstrapServers Kafka's {@code bootstrap.servers}
 * @param topic the topic of every report event, keyed by report id
 * @param partitions the topic's partitions when the command side creates it
 * @param replicationFactor the topic's replicas when the command side creates it
 * @param minInsyncReplicas the topic's {@code min.insync.replicas}: replicas that must hold an event
 *     before the broker acknowledges it ({@code acks=all})
 */
@ConfigurationProperties("rapporteur.kafka")
public record KafkaPublishingProperties(
    String bootstrapServers, String topic, Integer partitions, Short replicationFactor, Integer minInsyncReplicas) {

  public KafkaPublishingProperties {
    bootstrapServers = bootstrapServers == null ? "localhost:9092" : bootstrapServers;
    topic = topic == null ? "rapporteur.report-events" : topic;
    partitions = partitions == null ? 3 : partitions;
    replicationFactor = replicationFactor == null ? 1 : replicationFactor;
    minInsyncReplicas = minInsyncReplicas == null ? 1 : minInsyncReplicas;
  }
}
