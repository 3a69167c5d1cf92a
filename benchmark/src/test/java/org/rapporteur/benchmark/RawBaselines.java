package org.rapporteur.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** What PostgreSQL and Kafka do unaided on this machine: the denominators of the ratios. */
final class RawBaselines {

  private RawBaselines() {}

  private static String eventStoreSchema() throws IOException {
    try (InputStream in = RawBaselines.class.getResourceAsStream("/db/migration/command/V1_1__event_store.sql")) {
      if (in == null) {
        throw new IllegalStateException("the event store's migration is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Single-row insert transactions per second (autocommit: one commit, one WAL flush each) into a
   * copy of Axon's DomainEventEntry made by the event store's own migration, with a 1 KiB payload,
   * from {@code threads} connections, until {@code duration} or {@code maxRows} is reached.
   */
  static double insertsPerSecond(String url, int threads, Duration duration, long maxRows) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
      // The event store's own migration, so the table and its indexes cannot drift from the product's.
      s.execute(eventStoreSchema());
    }
    AtomicLong rows = new AtomicLong();
    long deadline = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      workers.add(pool.submit(() -> {
        byte[] payload = new byte[1024];
        ThreadLocalRandom.current().nextBytes(payload);
        // Fifty aggregates per thread, as the product's load spreads over fifty reports.
        long[] sequences = new long[50];
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
            PreparedStatement insert = c.prepareStatement(
                "INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type,"
                    + " timeStamp, payloadType, payloadRevision, payload, metaData) VALUES (?,?,?,?,?,?,?,?,?)")) {
          for (int i = 0; System.nanoTime() < deadline && rows.get() < maxRows; i++) {
            int aggregate = i % sequences.length;
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "report-" + thread + "-" + aggregate);
            insert.setLong(3, sequences[aggregate]++);
            insert.setString(4, "Report");
            insert.setString(5, Instant.now().toString());
            insert.setString(6, "org.rapporteur.shared.report.ParagraphRevised");
            insert.setString(7, null);
            insert.setBytes(8, payload);
            insert.setBytes(9, "{}".getBytes());
            insert.executeUpdate();
            rows.incrementAndGet();
          }
        }
        return null;
      }));
    }
    awaitAll(workers);
    pool.shutdown();
    return rows.get() / seconds(start);
  }

  record KafkaRates(double producePerSecond, double consumePerSecond, long records) {}

  /**
   * Producer records per second (1 KiB, acks=all, idempotent) into a topic shaped like the
   * product's (three partitions), then a fresh consumer reading them all back from the start.
   */
  static KafkaRates kafka(String bootstrapServers, long records) throws Exception {
    String topic = "benchmark.raw-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    }
    byte[] value = new byte[1024];
    ThreadLocalRandom.current().nextBytes(value);
    double produce;
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
      // One record per partition first, so that metadata and the producer id are not timed.
      for (int partition = 0; partition < 3; partition++) {
        producer.send(new ProducerRecord<>(topic, partition, null, value)).get();
      }
      long start = System.nanoTime();
      for (long i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>(topic, ("report-" + (i % 50)).getBytes(), value));
      }
      producer.flush();
      produce = records / seconds(start);
    }
    return new KafkaRates(produce, consumePerSecond(bootstrapServers, topic, records + 3), records);
  }

  /** A fresh consumer reading {@code records} records of a topic from its start, per second. */
  static double consumePerSecond(String bootstrapServers, String topic, long records) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long start = System.nanoTime();
      long deadline = start + Duration.ofMinutes(5).toNanos();
      long read = 0;
      while (read < records) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("read " + read + " of " + records + " records in 5 minutes");
        }
        read += consumer.poll(Duration.ofMillis(500)).count();
      }
      return read / seconds(start);
    }
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static void awaitAll(List<Future<?>> futures) throws InterruptedException {
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
  }
}
