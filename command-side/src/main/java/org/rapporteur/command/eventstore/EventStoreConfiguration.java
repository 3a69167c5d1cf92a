package org.rapporteur.command.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import javax.sql.DataSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.rapporteur.command.publishing.PublishingProperties;
import org.rapporteur.command.report.Report;
import org.rapporteur.command.report.ReportCommandTargetResolver;
import org.rapporteur.shared.json.ReportEventJson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The event store: Axon's JDBC storage engine on the application's database (the schema is
 * Flyway's), events and
 * snapshots as JSON in the contract's one form, and the report aggregate with snapshots and a
 * cache so that a report with thousands of events loads in milliseconds.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

  /** Axon drops a hole this many events behind the newest, whatever its age: far beyond any burst. */
  private static final int MAX_GAP_OFFSET = 1_000_000;

  /** Events in the store are byte for byte what Kafka carries and the audit trail shows. */
  @Bean
  @Qualifier("eventSerializer")
  Serializer eventSerializer() {
    return JacksonSerializer.builder().objectMapper(ReportEventJson.newObjectMapper()).build();
  }

  @Bean
  @Qualifier("messageSerializer")
  Serializer messageSerializer() {
    return JacksonSerializer.builder().objectMapper(ReportEventJson.newObjectMapper()).build();
  }

  /** Snapshots and tracking tokens. */
  @Bean
  @Primary
  Serializer serializer() {
    return JacksonSerializer.builder().objectMapper(snapshotCapableMapper()).build();
  }

  /**
   * Snapshots hold the aggregate's private state, which has no getters: fields are read directly.
   * Tracking tokens annotate their
   * properties and are unaffected.
   */
  private static ObjectMapper snapshotCapableMapper() {
    ObjectMapper mapper = ReportEventJson.newObjectMapper();
    mapper.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
    mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    mapper.setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
    return mapper;
  }

  /**
   * Declared here rather than left to Axon's auto-configuration, which on Spring Boot 4 does not
   * recognise the DataSource and would fall back to an in-memory store.
   */
  @Bean
  EventStorageEngine eventStorageEngine(
      DataSource dataSource,
      TransactionManager axonTransactionManager,
      Serializer serializer,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      PublishingProperties publishing,
      CheckpointSigner checkpointSigner) {
    // Chains every report event to the one before as it stores it (API.md 1.1, ADR 0008).
    return new ChainingEventStorageEngine(JdbcEventStorageEngine.builder()
        // A hole in the global index is an event whose transaction has not committed yet, or one
        // rolled back. The publisher must not give up on the first kind: keep each hole for the
        // gap timeout (10 minutes by default, far past any command's transaction) and however many
        // events follow it, and let the reconciler catch anything later still (ADR 0006).
        .gapTimeout(Math.toIntExact(publishing.gapTimeout().toMillis()))
        .maxGapOffset(MAX_GAP_OFFSET)
        .connectionProvider(connections(dataSource))
        .transactionManager(axonTransactionManager)
        .snapshotSerializer(serializer)
        .eventSerializer(eventSerializer)
        .upcasterChain(new ReportEventUpcaster(ReportEventJson.upcasters()))
        // Turns the unique (aggregate, sequence) violation into Axon's concurrency exceptions.
        .persistenceExceptionResolver(new UniqueViolationResolver()), checkpointSigner);
  }

  /**
   * The key that signs checkpoints (ADR 0010): {@code rapporteur.integrity.signing-key-location}, a
   * PKCS#8 Ed25519 private key in PEM, or else a key generated on first start in
   * {@code rapporteur.integrity.key-directory}, which must not be inside the database.
   */
  @Bean
  CheckpointSigner checkpointSigner(
      @Value("${rapporteur.integrity.signing-key-location:}") String location,
      @Value("${rapporteur.integrity.key-directory:./data/keys}") String directory) {
    return CheckpointSigner.load(location, Path.of(directory));
  }

  @Bean
  EmbeddedEventStore eventStore(
      EventStorageEngine eventStorageEngine,
      @Value("${rapporteur.events.max-bytes:" + EventSizeLimit.DEFAULT_MAX_BYTES + "}") int maxEventBytes) {
    EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(eventStorageEngine).build();
    store.registerDispatchInterceptor(new EventSizeLimit(maxEventBytes));
    return store;
  }

  /** The publisher's position in the event store, in the same database as the events. */
  @Bean
  TokenStore tokenStore(DataSource dataSource, Serializer serializer) {
    return JdbcTokenStore.builder().connectionProvider(connections(dataSource)).serializer(serializer).build();
  }

  @Bean
  TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
    return new SpringTransactionManager(transactionManager);
  }

  private static ConnectionProvider connections(DataSource dataSource) {
    return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
  }

  @Bean
  CommandTargetResolver commandTargetResolver() {
    return new ReportCommandTargetResolver();
  }

  /**
   * The report aggregate with snapshots and, unless turned off, a cache of the
   * {@code rapporteur.aggregate-cache.max-reports} (512) reports used last. The cache is safe only
   * while one command-side instance writes a report: it is never re-read from the store, so a
   * second instance's events would leave it stale and its rule checks (a stale revision, say)
   * wrong. Deployments that run several command-side instances turn it off; snapshots keep cold
   * loads fast.
   */
  @Bean
  ConfigurerModule reportAggregate(
      @Value("${rapporteur.snapshot-threshold:250}") int snapshotThreshold,
      @Value("${rapporteur.aggregate-cache.enabled:true}") boolean cached,
      @Value("${rapporteur.aggregate-cache.max-reports:512}") int cachedReports,
      AggregateFactory<Report> reportFactory) {
    return configurer -> {
      AggregateConfigurer<Report> report =
          AggregateConfigurer.defaultConfiguration(Report.class)
              .configureAggregateFactory(c -> reportFactory)
              .configureSnapshotTrigger(
                  c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), snapshotThreshold));
      if (cached) {
        Cache cache = new BoundedCache(cachedReports);
        report.configureCache(c -> cache);
      }
      configurer.configureAggregate(report);
    };
  }

  /**
   * A bean, not only part of the aggregate's configuration: Spring's snapshotter finds the
   * factories of the aggregates it snapshots among the beans, and without it takes no snapshot.
   */
  @Bean
  AggregateFactory<Report> reportFactory() {
    // Not Axon's GenericAggregateFactory: it inspects the handlers before the Spring beans they
    // take as parameters (ApprovalPolicy) can be resolved.
    return new AggregateFactory<>() {
      @Override
      public Report createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
        return firstEvent.getPayload() instanceof Report snapshot ? snapshot : new Report();
      }

      @Override
      public Class<Report> getAggregateType() {
        return Report.class;
      }
    };
  }

  /**
   * Axon's snapshotter, as its Spring Boot auto-configuration builds it, but taking each snapshot
   * on a thread of its own after the command's commit instead of in the committing request: a
   * snapshot reads the report's last snapshot and every event since and writes the whole report,
   * which made every 250th command on a report wait for it (docs/performance.md, fix 12). A
   * snapshot only speeds up loads, so one lost with the process costs nothing; Axon takes at most
   * one per report at a time.
   */
  @Bean
  SpringAggregateSnapshotter aggregateSnapshotter(
      org.axonframework.config.Configuration axon,
      HandlerDefinition handlerDefinition,
      ParameterResolverFactory parameterResolverFactory,
      EventStore eventStore,
      TransactionManager transactionManager,
      SnapshotterSpanFactory spanFactory,
      ExecutorService snapshotExecutor) {
    return SpringAggregateSnapshotter.builder()
        .repositoryProvider(axon::repository)
        .transactionManager(transactionManager)
        .eventStore(eventStore)
        .parameterResolverFactory(parameterResolverFactory)
        .handlerDefinition(handlerDefinition)
        .spanFactory(spanFactory)
        .executor(snapshotExecutor)
        .build();
  }

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService snapshotExecutor() {
    return Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "report-snapshotter");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Retries a command that lost a race with another command-side instance; see {@link LostRaceRetryScheduler}. */
  @Bean
  LostRaceRetryScheduler lostRaceRetryScheduler(
      ScheduledExecutorService commandRetryExecutor,
      @Value("${rapporteur.command-retry.max-retries:8}") int maxRetries,
      @Value("${rapporteur.command-retry.interval-millis:5}") int intervalMillis) {
    return new LostRaceRetryScheduler(commandRetryExecutor, maxRetries, intervalMillis);
  }

  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService commandRetryExecutor() {
    return Executors.newScheduledThreadPool(
        2,
        task -> {
          Thread thread = new Thread(task, "command-retry");
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Replaces Axon's default gateway, which retries nothing. */
  @Bean
  CommandGateway commandGateway(CommandBus commandBus, LostRaceRetryScheduler retryScheduler) {
    return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retryScheduler).build();
  }
}
