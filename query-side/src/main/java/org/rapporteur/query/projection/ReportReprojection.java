package org.rapporteur.query.projection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operator's repair of one report: its rows in the active generation are replaced by a fold of
 * its records from the start of the log, while every other report goes on. Used after a republish
 * from the event store brought back what a report on hold waited for, or after a fix for an event
 * the fold refused. Each run is recorded in {@code q_admin_action} with who asked and the outcome.
 */
public class ReportReprojection {

  private static final Logger log = LoggerFactory.getLogger(ReportReprojection.class);
  private static final Duration HANDOVER_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

  /** What {@code POST /api/admin/projections/reports/{r}/reprojection} answers. */
  public record Outcome(String reportId, long position, int eventsApplied, ProjectionStore.HeldReport hold) {}

  /** The log no longer holds the report's whole history; a re-projection would lose events. */
  public static final class HistoryLost extends RuntimeException {
    HistoryLost(TopicPartition partition, long beginning) {
      super("Partition " + partition.partition() + " of " + partition.topic() + " now starts at offset " + beginning
          + ", not 0: events were deleted from the log. Restore the topic from the event store first (README,"
          + " Backup and restore).");
    }
  }

  private final ProjectionStore store;
  private final ReportProjector projector;
  private final Supplier<Consumer<byte[], byte[]>> consumers;

  public ReportReprojection(ProjectionStore store, ReportProjector projector, Supplier<Consumer<byte[], byte[]>> consumers) {
    this.store = store;
    this.projector = projector;
    this.consumers = consumers;
  }

  /**
   * Projects the report again and records who asked.
   *
   * @throws ReportProjector.NotOwned when another query-side instance projects the report
   * @throws HistoryLost when the report's partition no longer starts at offset 0
   */
  public Outcome reproject(String reportId, String actorUser) throws InterruptedException {
    try {
      Projection.Applied applied = projector.reproject(reportId, (partition, until) -> read(reportId, partition, until),
          HANDOVER_TIMEOUT);
      int generation = store.activeGeneration();
      Outcome outcome = new Outcome(reportId, store.position(generation, reportId), applied.events(),
          store.heldReports(generation).stream().filter(h -> h.reportId().equals(reportId)).findFirst().orElse(null));
      record(reportId, actorUser, "projected again to position " + outcome.position() + " from " + applied.events()
          + " events" + (outcome.hold() == null ? "" : "; still on hold: " + outcome.hold().error()));
      return outcome;
    } catch (ExecutionException e) {
      record(reportId, actorUser, "failed: " + e.getCause());
      throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      record(reportId, actorUser, "failed: the projector did not pause within " + HANDOVER_TIMEOUT);
      throw new IllegalStateException("the live projector did not pause in time; try again", e);
    }
  }

  private void record(String reportId, String actorUser, String outcome) {
    log.info("admin {} re-projected report {}: {}", actorUser, reportId, outcome);
    store.adminAction("REPROJECT", reportId, actorUser, outcome);
  }

  /** The report's records in its partition, from offset 0 up to {@code until}. */
  private List<ConsumerRecord<byte[], byte[]>> read(String reportId, TopicPartition partition, long until) {
    byte[] key = reportId.getBytes(StandardCharsets.UTF_8);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (Consumer<byte[], byte[]> consumer = consumers.get()) {
      consumer.assign(List.of(partition));
      long beginning = consumer.beginningOffsets(List.of(partition)).get(partition);
      if (beginning > 0) {
        throw new HistoryLost(partition, beginning);
      }
      consumer.seekToBeginning(List.of(partition));
      Instant deadline = Instant.now().plus(READ_TIMEOUT);
      while (consumer.position(partition) < until) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("reading partition " + partition + " up to offset " + until + " took longer than "
              + READ_TIMEOUT);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200)).records(partition)) {
          if (record.offset() < until && Arrays.equals(record.key(), key)) {
            records.add(record);
          }
        }
      }
    }
    return records;
  }
}
