package org.rapporteur.command.publishing;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The Kafka producer and the processor that publishes through it. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaPublishingProperties.class)
public class KafkaPublishingConfiguration {

  @Bean(destroyMethod = "close")
  Producer<byte[], byte[]> reportEventProducer(KafkaPublishingProperties properties) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
            ProducerConfig.CLIENT_ID_CONFIG, "rapporteur-command-side",
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
            // Kafka down must not block the publisher thread for a minute per attempt.
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  @Bean
  KafkaEventPublisher kafkaEventPublisher(
      Producer<byte[], byte[]> reportEventProducer, KafkaPublishingProperties properties) {
    return new KafkaEventPublisher(reportEventProducer, properties.topic());
  }

  /**
   * A failed send must fail the batch so that the processor retries it; Axon's default handler
   * would log the error and move the token past the event, losing it for Kafka.
   */
  @Bean
  ConfigurerModule publisherFailsLoudly() {
    return configurer ->
        configurer
            .eventProcessing()
            // One thread, store order: Kafka receives each report's events in position order.
            .registerTrackingEventProcessor(
                KafkaEventPublisher.PROCESSING_GROUP,
                Configuration::eventStore,
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(200))
            .registerListenerInvocationErrorHandler(
                KafkaEventPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
  }
}
