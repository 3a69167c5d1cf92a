package org.rapporteur.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the report events go.
 *
 * @param bootstrapServers Kafka's {@code bootstrap.servers}
 * @param topic the topic of every report event, keyed by report id
 */
@ConfigurationProperties("rapporteur.kafka")
public record KafkaPublishingProperties(String bootstrapServers, String topic) {

  public KafkaPublishingProperties {
    bootstrapServers = bootstrapServers == null ? "localhost:9092" : bootstrapServers;
    topic = topic == null ? "rapporteur.report-events" : topic;
  }
}
