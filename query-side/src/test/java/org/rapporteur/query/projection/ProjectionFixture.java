package org.rapporteur.query.projection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.flywaydb.core.Flyway;
import org.rapporteur.shared.integrity.HashChain;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.AgendaItemId;
import org.rapporteur.shared.report.AgendaItemProposed;
import org.rapporteur.shared.report.ReportCreated;
import org.rapporteur.shared.report.ReportEvent;
import org.rapporteur.shared.report.ReportHeader;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.Role;
import org.rapporteur.testing.TestKafka;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A projection database migrated by Flyway, a fresh topic on the test broker, and records as the
 * command side publishes them: what projector-level tests need, without Spring Boot.
 */
final class ProjectionFixture implements AutoCloseable {

  static final Actor SECRETARY = new Actor("secretary", Role.SECRETARY, null);
  static final int PARTITIONS = 3;
  private static final Instant START = Instant.parse("2021-12-14T09:00:00Z");

  final String topic = "projection-test-" + UUID.randomUUID();
  final ProjectionCounters counters = new ProjectionCounters();
  final String group = "projector-" + UUID.randomUUID();
  final JdbcTemplate jdbc;
  final TransactionTemplate transactions;
  final ProjectionStore store;
  final ProjectionPositions positions = new ProjectionPositions();
  final ProjectionProperties properties;
  private final KafkaProducer<byte[], byte[]> producer;
  final List<ReportProjector> projectors = new ArrayList<>();

  ProjectionFixture(String url, String user, String password) throws ExecutionException, InterruptedException {
    DataSource dataSource = new DriverManagerDataSource(url, user, password);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/query").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    store = new ProjectionStore(jdbc);
    properties = new ProjectionProperties(TestKafka.bootstrapServers(), topic, group, Duration.ofSeconds(10), null);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
    }
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
            new ByteArraySerializer(),
            new ByteArraySerializer());
  }

  ReportProjector projector() {
    ReportProjector projector =
        new ReportProjector(() -> ProjectionConfiguration.consumer(properties, group), store, transactions, positions, topic,
            counters);
    projector.start();
    projectors.add(projector);
    return projector;
  }

  /** A rebuild that deletes the replaced generation right after the switch. */
  ProjectionRebuild rebuild(ReportProjector projector) {
    return rebuild(projector, Duration.ZERO);
  }

  ProjectionRebuild rebuild(ReportProjector projector, Duration retireAfter) {
    return new ProjectionRebuild(
        store, transactions, projector, () -> ProjectionConfiguration.consumer(properties, null), topic, retireAfter,
        counters);
  }

  /** A report's stream as the command side publishes it: created, then agenda items 2..n. */
  static List<ProducerRecord<byte[], byte[]>> report(String topic, String reportId, int events) {
    ReportId id = ReportId.of(reportId);
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    records.add(record(topic, new ReportCreated(id, header(), SECRETARY, START), 1));
    for (int position = 2; position <= events; position++) {
      records.add(record(topic, item(id, position), position));
    }
    return records;
  }

  List<ProducerRecord<byte[], byte[]>> report(String reportId, int events) {
    return report(topic, reportId, events);
  }

  static AgendaItemProposed item(ReportId id, int position) {
    return new AgendaItemProposed(
        id, AgendaItemId.of("item-" + position), "Item " + position, null, SECRETARY, START.plusSeconds(60L * position));
  }

  static ProducerRecord<byte[], byte[]> record(String topic, ReportEvent event, long position) {
    return record(topic, event.reportId().value(), event.type(), ReportEventJson.toBytes(event), position, event.at());
  }

  static ProducerRecord<byte[], byte[]> record(
      String topic, String reportId, String type, byte[] value, long position, Instant at) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_id", ("evt-" + reportId + "-" + position).getBytes(StandardCharsets.UTF_8));
    headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
    headers.add("ce_time", at.toString().getBytes(StandardCharsets.UTF_8));
    headers.add("ce_position", Long.toString(position).getBytes(StandardCharsets.UTF_8));
    return new ProducerRecord<>(topic, null, reportId.getBytes(StandardCharsets.UTF_8), value, headers);
  }

  /**
   * The records with their links in their reports' hash chains, as the command side publishes them
   * ({@code ce_previoushash}, {@code ce_hash}), each report's chain in the order of the list.
   */
  static List<ProducerRecord<byte[], byte[]>> chained(List<ProducerRecord<byte[], byte[]>> records) {
    Map<String, String> heads = new java.util.HashMap<>();
    for (ProducerRecord<byte[], byte[]> record : records) {
      String reportId = new String(record.key(), StandardCharsets.UTF_8);
      String type = header(record, "ce_type");
      String previous = heads.getOrDefault(reportId, HashChain.GENESIS);
      String payload = new String(record.value(), StandardCharsets.UTF_8);
      String hash = HashChain.hash(previous, Long.parseLong(header(record, "ce_position")), header(record, "ce_id"), type,
          Instant.parse(header(record, "ce_time")), ReportEventJson.fromBytes(type, record.value()).actor(), payload);
      record.headers().add("ce_previoushash", previous.getBytes(StandardCharsets.UTF_8));
      record.headers().add("ce_hash", hash.getBytes(StandardCharsets.UTF_8));
      heads.put(reportId, hash);
    }
    return records;
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  /** Sends the records and waits for the broker's acks: a record the broker refused fails the test here. */
  void publish(List<ProducerRecord<byte[], byte[]>> records) {
    List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
    producer.flush();
    for (Future<RecordMetadata> ack : sent) {
      try {
        ack.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while publishing", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("the broker refused a record of " + topic, e.getCause());
      }
    }
  }

  /**
   * Waits, woken by the projector's commits, until the report's position is applied. It takes
   * milliseconds; the bound is generous because one CI run on a just-booted machine waited 30 s
   * in vain, cause unknown, and a timeout now says what the projector was doing.
   */
  void awaitPosition(String reportId, long position) throws InterruptedException {
    if (!positions.await(reportId, position, Duration.ofSeconds(60), () -> store.position(store.activeGeneration(), reportId))) {
      throw new AssertionError("report " + reportId + " did not reach position " + position + "; " + diagnosis());
    }
  }

  /** What a timed-out wait needs to be understood from the CI log alone. */
  private String diagnosis() {
    StringBuilder text = new StringBuilder();
    int generation = store.activeGeneration();
    text.append("active generation ").append(generation)
        .append(", stored offsets ").append(store.offsets(generation, topic))
        .append(", parked ").append(count("q_parked", generation));
    try (Consumer<byte[], byte[]> consumer = ProjectionConfiguration.consumer(properties, null)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      text.append(", end offsets ").append(consumer.endOffsets(partitions));
    } catch (RuntimeException e) {
      text.append(", end offsets unknown: ").append(e);
    }
    for (ReportProjector projector : projectors) {
      text.append("\nprojector running=").append(projector.isRunning())
          .append(" applied=").append(projector.eventsApplied())
          .append(" lastError=").append(projector.lastError());
    }
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      if (thread.getName().startsWith("report-projector") || thread.getName().startsWith("projection-rebuild")) {
        text.append("\n").append(thread.getName()).append(" ").append(thread.getState());
        for (StackTraceElement frame : stack) {
          text.append("\n  at ").append(frame);
        }
      }
    });
    return text.toString();
  }

  /** Waits for a condition that nothing signals (a rebuild's end), checking every 10 ms. */
  static void awaitCondition(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
  }

  /** The rows of a projection table in one generation, without the generation column, in key order. */
  List<Map<String, Object>> rows(String table, int generation, String order) {
    List<Map<String, Object>> rows =
        jdbc.queryForList("SELECT * FROM " + table + " WHERE generation = ? ORDER BY " + order, generation);
    rows.forEach(row -> row.keySet().removeIf(column -> column.equalsIgnoreCase("generation")));
    return rows;
  }

  long count(String table, int generation) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE generation = ?", Long.class, generation);
  }

  static ReportHeader header() {
    return new ReportHeader(
        "Inter-Agency Meeting on Outer Space Activities", 40, "Report on its fortieth session", "online",
        LocalDate.of(2021, 12, 14), LocalDate.of(2021, 12, 14), "en", null, null, null, List.of());
  }

  /** Stops the projectors still running, then the producer. */
  @Override
  public void close() {
    projectors.stream().filter(ReportProjector::isRunning).forEach(ReportProjector::stop);
    producer.close();
  }
}
