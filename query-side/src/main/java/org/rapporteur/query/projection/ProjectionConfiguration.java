package org.rapporteur.query.projection;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The Kafka consumer and the projections it feeds. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionProperties.class)
public class ProjectionConfiguration {

  @Bean
  ProjectionStore projectionStore(JdbcTemplate jdbc) {
    return new ProjectionStore(jdbc);
  }

  @Bean
  ProjectionPositions projectionPositions() {
    return new ProjectionPositions();
  }

  @Bean
  ReportProjector reportProjector(
      ProjectionProperties properties,
      ProjectionStore store,
      PlatformTransactionManager transactionManager,
      ProjectionPositions positions) {
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup(),
                ConsumerConfig.CLIENT_ID_CONFIG, "rapporteur-query-side",
                // Offsets live in the projection's database, written with its rows.
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    return new ReportProjector(
        consumer, store, new TransactionTemplate(transactionManager), positions, properties.topic());
  }
}
