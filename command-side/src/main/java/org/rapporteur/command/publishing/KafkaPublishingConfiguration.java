package org.rapporteur.command.publishing;

import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.rapporteur.command.eventstore.EventSizeLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The Kafka producer, the topic, the processor that publishes through them, and its safety nets. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KafkaPublishingProperties.class, PublishingProperties.class})
public class KafkaPublishingConfiguration {

  private static final Logger log = LoggerFactory.getLogger(KafkaPublishingConfiguration.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);

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

  @Bean(destroyMethod = "close")
  Admin publishingAdmin(KafkaPublishingProperties properties) {
    return Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
        AdminClientConfig.CLIENT_ID_CONFIG, "rapporteur-command-side-admin",
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()));
  }

  /**
   * Created or checked at start: a topic that would forget or compact events stops the start with
   * what to change. Kafka down at start does not stop it (commands do not need Kafka); the
   * publisher then creates or checks the topic before its first send.
   */
  @Bean
  ReportTopic reportTopic(
      Admin publishingAdmin,
      KafkaPublishingProperties properties,
      @Value("${rapporteur.events.max-bytes:" + EventSizeLimit.DEFAULT_MAX_BYTES + "}") int maxEventBytes) {
    ReportTopic topic = new ReportTopic(publishingAdmin, properties, maxEventBytes, ADMIN_TIMEOUT);
    try {
      topic.ensure();
    } catch (ReportTopic.UnsafeTopicException e) {
      throw e;
    } catch (IllegalStateException e) {
      log.warn("{}; the publisher will create or check the topic before its first send", e.getMessage());
    }
    return topic;
  }

  @Bean
  PublicationLedger publicationLedger(DataSource dataSource) {
    return new PublicationLedger(new JdbcTemplate(dataSource));
  }

  @Bean
  KafkaEventPublisher kafkaEventPublisher(
      Producer<byte[], byte[]> reportEventProducer, KafkaPublishingProperties properties, ReportTopic reportTopic,
      PublicationLedger ledger, @Qualifier("eventSerializer") Serializer eventSerializer) {
    return new KafkaEventPublisher(reportEventProducer, properties.topic(), reportTopic, ledger, eventSerializer);
  }

  @Bean
  Republisher republisher(
      EventStore eventStore, Producer<byte[], byte[]> reportEventProducer, KafkaPublishingProperties properties,
      ReportTopic reportTopic, PublicationLedger ledger, PlatformTransactionManager transactionManager) {
    return new Republisher(eventStore, reportEventProducer, properties.topic(), reportTopic, ledger,
        new TransactionTemplate(transactionManager));
  }

  @Bean
  Reconciler reconciler(PublicationLedger ledger, Republisher republisher, EventProcessingConfiguration processors,
      DataSource dataSource, PublishingProperties publishing) {
    return new Reconciler(ledger, republisher, processors, new JdbcTemplate(dataSource), publishing.reconcileInterval());
  }

  @Bean
  PublicationReplay publicationReplay(
      EventProcessingConfiguration processors, PublicationLedger ledger, DataSource dataSource) {
    return new PublicationReplay(processors, ledger, new JdbcTemplate(dataSource));
  }

  @Bean
  PublicationHealthIndicator publicationHealthIndicator(
      ReportTopic reportTopic, PublicationLedger ledger, KafkaEventPublisher publisher, Reconciler reconciler) {
    return new PublicationHealthIndicator(reportTopic, ledger, publisher, reconciler);
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
