package org.rapporteur.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.rapporteur.testing.TestDatabases;

/**
 * Prints, not asserts, how fast the projection goes on H2 beside the raw rates of its two halves
 * measured in the same run: reading the topic with a bare consumer, and inserting as many rows
 * with plain JDBC batches. A few seconds; the figures go to the ADR.
 */
class ProjectionBenchmarkTest {

  private static final int REPORTS = 100;
  private static final int EVENTS_PER_REPORT = 100;
  private static final int EVENTS = REPORTS * EVENTS_PER_REPORT;

  @Test
  void printsProjectionLagUnderABurstAndRebuildRateBesideRawConsumeAndInsertRates() throws Exception {
    try (ProjectionFixture fixture = new ProjectionFixture(TestDatabases.h2Url(), "sa", "")) {
      List<ProducerRecord<byte[], byte[]>> burst = new ArrayList<>();
      List<List<ProducerRecord<byte[], byte[]>>> streams = new ArrayList<>();
      for (int r = 0; r < REPORTS; r++) {
        streams.add(fixture.report("bench-" + r, EVENTS_PER_REPORT));
      }
      for (int i = 0; i < EVENTS_PER_REPORT; i++) {
        for (List<ProducerRecord<byte[], byte[]>> stream : streams) {
          burst.add(stream.get(i));
        }
      }
      ReportProjector projector = fixture.projector();
      try {
        // The consumer group's first join takes seconds; measure a projector that already runs.
        fixture.publish(fixture.report("warm-up", 1));
        fixture.awaitPosition("warm-up", 1);
        long warmUp = projector.eventsApplied();
        long start = System.nanoTime();
        fixture.publish(burst);
        double publishSeconds = seconds(start);
        long lagAfterBurst = EVENTS - (projector.eventsApplied() - warmUp);
        for (int r = 0; r < REPORTS; r++) {
          fixture.awaitPosition("bench-" + r, EVENTS_PER_REPORT);
        }
        double catchUpSeconds = seconds(start);

        ProjectionRebuild rebuild = fixture.rebuild(projector);
        long rebuildStart = System.nanoTime();
        String id = rebuild.start();
        ProjectionFixture.awaitCondition("the rebuild to end", () -> !rebuild.status(id).orElseThrow().status().equals("RUNNING"));
        double rebuildSeconds = seconds(rebuildStart);
        assertThat(rebuild.status(id).orElseThrow().eventsApplied()).isEqualTo(EVENTS + 1);

        double consumeSeconds = bareConsume(fixture);
        double insertSeconds = plainInserts(fixture);

        System.out.printf(
            "%nPROJECTION BENCHMARK (H2 in memory, %d events, %d reports, one warm-up event, %d partitions)%n"
                + "  burst published in %.2f s; lag right after the burst: %d events; caught up %.2f s after the burst began (%.0f events/s)%n"
                + "  rebuild: %.2f s, %.0f events/s (all three projections, switch included)%n"
                + "  bare KafkaConsumer reading the same topic: %.2f s, %.0f records/s%n"
                + "  plain JDBC batch inserts of as many q_event rows: %.2f s, %.0f rows/s%n%n",
            EVENTS, REPORTS, ProjectionFixture.PARTITIONS,
            publishSeconds, lagAfterBurst, catchUpSeconds, EVENTS / catchUpSeconds,
            rebuildSeconds, (EVENTS + 1) / rebuildSeconds,
            consumeSeconds, EVENTS / consumeSeconds,
            insertSeconds, EVENTS / insertSeconds);
      } finally {
        projector.stop();
      }
    }
  }

  private static double bareConsume(ProjectionFixture fixture) {
    try (Consumer<byte[], byte[]> consumer = ProjectionConfiguration.consumer(fixture.properties, null)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(fixture.topic).stream().map(p -> new TopicPartition(fixture.topic, p.partition())).toList();
      long start = System.nanoTime();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long read = 0;
      while (read < EVENTS) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
        read += records.count();
      }
      return seconds(start);
    }
  }

  private static double plainInserts(ProjectionFixture fixture) {
    String payload = new String(ProjectionFixture.report(fixture.topic, "x", 2).get(1).value());
    List<Object[]> rows = new ArrayList<>(EVENTS);
    Instant at = Instant.parse("2021-12-14T09:00:00Z");
    for (int i = 0; i < EVENTS; i++) {
      rows.add(new Object[] {99, "bench-" + (i % REPORTS), (long) i, "evt-" + i, "AgendaItemProposed",
          java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC), "secretary", "SECRETARY", null, null, payload});
    }
    long start = System.nanoTime();
    fixture.transactions.executeWithoutResult(tx -> {
      for (int from = 0; from < EVENTS; from += 1_000) {
        fixture.jdbc.batchUpdate(
            "INSERT INTO q_event (generation, report_id, position, event_id, type, occurred_at, actor_user,"
                + " actor_role, actor_entity, paragraph_id, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows.subList(from, Math.min(EVENTS, from + 1_000)));
      }
    });
    double seconds = seconds(start);
    fixture.store.deleteGeneration(99);
    return seconds;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
