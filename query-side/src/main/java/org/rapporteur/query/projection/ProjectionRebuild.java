package org.rapporteur.query.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every projection from the beginning of the topic into the next generation while the
 * active one keeps serving, then switches.
 *
 * <p>The rebuild reads all partitions with consumers of its own (no group), in up to {@value #LANES}
 * lanes that each read some of the partitions on a thread of their own (a report lives in one
 * partition, so no two lanes touch one report), until it is close to the live projector's stored
 * offsets. Then it hands over: between two of the live projector's batches,
 * on its thread, it reads on to at least the live offsets, activates the new generation in one
 * update of {@code q_generation}, and the live projector continues on the new generation from the
 * new generation's stored offsets. Every record is thus applied once to each generation, none is
 * skipped. The old generation's rows are deleted {@link #RETIRE_AFTER} after the switch, so a
 * query that read the generation number just before it finds its rows; on failure the new
 * generation's rows are deleted and the old one goes on serving.
 *
 * <p>Several query-side instances may share the consumer group and the database while one of them
 * rebuilds (ADR 0011): the switch holds the generation row exclusively while the rebuild reads on
 * to the live offsets, every live projection's transaction checks under that row's lock that its
 * generation is still active, and a projection that finds it replaced rolls back and goes on with
 * the new generation from that generation's stored offsets.
 *
 * <p>Rebuilds are recorded in {@code q_rebuild}, progress included, so any instance answers for
 * any rebuild and a restart loses none; an interrupted rebuild leaves only rows of an inactive
 * generation, deleted by the next rebuild.
 */
public class ProjectionRebuild {

  private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
  /** Records the live projector may be ahead by when the rebuild asks it to hand over. */
  private static final long HANDOVER_DISTANCE = 1_000;
  /**
   * Partitions projected at once: one thread waits on the database most of its time, so a few
   * keep both the JVM and the database busy; each holds a connection while it writes.
   */
  static final int LANES = 4;
  private static final Duration HANDOVER_TIMEOUT = Duration.ofSeconds(30);
  /** More than a refused record takes to be parked (see {@link Projection}). */
  private static final int MAX_FAILURES_IN_A_ROW = Projection.PARK_AFTER_REFUSALS + 2;
  private static final Duration RETRY_DELAY = Duration.ofMillis(500);
  /**
   * Records a lane projects in one transaction, from as many polls as it takes while the log has
   * more: a report's draft is written whole once per transaction, so a report whose events are
   * spread over five polls was written five times (docs/performance.md, fix 13). Nobody reads the
   * next generation before the switch, so nothing waits for these larger transactions.
   */
  static final int BATCH_RECORDS = 5 * ProjectionConfiguration.MAX_POLL_RECORDS;
  /** How long the replaced generation stays readable after the switch: far longer than a query. */
  public static final Duration RETIRE_AFTER = Duration.ofSeconds(10);
  /** A running rebuild records its progress every second; a minute of silence means it died. */
  static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
  static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(1);

  /** What {@code GET /api/admin/projections/rebuild/{id}} answers. */
  public record Status(String rebuildId, String status, long eventsApplied, String detail) {}

  /** Another rebuild runs; only one at a time. */
  public static final class AlreadyRunning extends RuntimeException {
    AlreadyRunning(String rebuildId) {
      super("Rebuild " + rebuildId + " is still running; wait for it to end.");
    }
  }

  private final ProjectionStore store;
  private final TransactionTemplate transactions;
  private final ReportProjector projector;
  private final Supplier<Consumer<byte[], byte[]>> consumers;
  private final String topic;
  private final Duration retireAfter;
  private final ProjectionCounters counters;
  private final Map<String, Run> runs = new ConcurrentHashMap<>();
  private final AtomicReference<Run> current = new AtomicReference<>();

  public ProjectionRebuild(
      ProjectionStore store,
      TransactionTemplate transactions,
      ReportProjector projector,
      Supplier<Consumer<byte[], byte[]>> consumers,
      String topic,
      Duration retireAfter,
      ProjectionCounters counters) {
    this.store = store;
    this.transactions = transactions;
    this.projector = projector;
    this.consumers = consumers;
    this.topic = topic;
    this.retireAfter = retireAfter;
    this.counters = counters;
  }

  /**
   * Starts a rebuild in the background and answers its id.
   *
   * @throws AlreadyRunning when this instance runs one, or the database records one that another
   *     instance still runs
   */
  public String start() {
    Run run = new Run(UUID.randomUUID().toString());
    Run running = current.compareAndExchange(null, run);
    if (running != null) {
      throw new AlreadyRunning(running.id);
    }
    try {
      List<String> elsewhere = store.rebuildsRunningSince(Instant.now().minus(INTERRUPTED_AFTER));
      if (!elsewhere.isEmpty()) {
        throw new AlreadyRunning(elsewhere.get(0));
      }
      store.rebuildStarted(run.id, Instant.now());
    } catch (RuntimeException e) {
      current.set(null);
      throw e;
    }
    runs.put(run.id, run);
    Thread thread = new Thread(() -> execute(run), "projection-rebuild");
    thread.setDaemon(true);
    thread.start();
    return run.id;
  }

  /**
   * A rebuild's status: from memory while this instance runs it, else as the database records it.
   * A rebuild recorded as running whose record has not moved for {@link #INTERRUPTED_AFTER} was
   * interrupted (its instance stopped): it answers {@code FAILED}.
   */
  public Optional<Status> status(String rebuildId) {
    Run run = runs.get(rebuildId);
    if (run != null) {
      return Optional.of(run.status());
    }
    return store.rebuild(rebuildId).map(recorded -> {
      Status status = recorded.status();
      boolean interrupted = status.status().equals("RUNNING")
          && recorded.updatedAt().isBefore(Instant.now().minus(INTERRUPTED_AFTER));
      return interrupted
          ? new Status(status.rebuildId(), "FAILED", status.eventsApplied(),
              "interrupted: the instance running it stopped at " + recorded.updatedAt())
          : status;
    });
  }

  private void execute(Run run) {
    int active = store.activeGeneration();
    int next = active + 1;
    boolean switched = false;
    List<Lane> lanes = new ArrayList<>();
    try (Consumer<byte[], byte[]> metadata = consumers.get()) {
      store.deleteGenerationsOtherThan(active); // what an interrupted rebuild or retirement left
      List<TopicPartition> partitions =
          metadata.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      requireWholeLog(metadata, partitions);
      int laneCount = Math.min(LANES, partitions.size());
      for (int i = 0; i < laneCount; i++) {
        List<TopicPartition> assigned = new ArrayList<>();
        for (int p = i; p < partitions.size(); p += laneCount) {
          assigned.add(partitions.get(p));
        }
        Lane lane = new Lane(consumers.get(), new Projection(store, transactions, next, false, counters));
        lanes.add(lane);
        lane.consumer.assign(assigned);
        lane.consumer.seekToBeginning(assigned);
      }
      log.info("rebuild {} projects {} from the beginning into generation {} in {} lanes", run.id, topic, next, laneCount);
      catchUp(lanes, run);
      projector.handOver(
          live -> {
            // Every instance's live projector waits while the switch holds the generation row, so
            // the live offsets read under it stay fixed until the switch commits (ADR 0011).
            store.switchGeneration(active, next, () -> {
              Map<TopicPartition, Long> liveOffsets = live.storedOffsets(topic);
              for (Lane lane : lanes) {
                while (behind(lane.consumer, liveOffsets) > 0) {
                  recordProgress(run);
                  pollAndProject(lane, run);
                }
              }
              requireWholeLog(metadata, partitions);
              requireNoReportBehind(live.generation(), next);
            });
            // One projection of every partition goes on live; it reads the holds the lanes stored.
            return new Projection(store, transactions, next, true, counters);
          },
          HANDOVER_TIMEOUT);
      switched = true;
      finish(run, "COMPLETED", null);
      log.info("rebuild {} switched to generation {} after {} events", run.id, next, run.eventsApplied.get());
    } catch (Exception e) {
      log.error("rebuild {} failed", run.id, e);
      if (!switched) {
        deleteQuietly(next);
      }
      finish(run, switched ? "COMPLETED" : "FAILED", String.valueOf(e.getMessage()));
    } finally {
      lanes.forEach(lane -> lane.consumer.close());
      current.set(null);
    }
    if (switched) {
      // A query that read the generation number just before the switch still reads its rows.
      LockSupport.parkNanos(retireAfter.toNanos());
      deleteQuietly(active);
    }
  }

  /**
   * Runs every lane on a thread of its own until each is within {@link #HANDOVER_DISTANCE} of the
   * live projector; the first lane that fails stops the others, and its failure is thrown.
   */
  private void catchUp(List<Lane> lanes, Run run) throws Exception {
    AtomicReference<Exception> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < lanes.size(); i++) {
      Lane lane = lanes.get(i);
      Thread thread = new Thread(() -> {
        try {
          while (failure.get() == null && behind(lane.consumer, projector.storedOffsets()) > HANDOVER_DISTANCE) {
            pollAndProject(lane, run);
          }
        } catch (Exception e) {
          failure.compareAndSet(null, e);
        }
      }, "projection-rebuild-" + i);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      while (thread.isAlive()) {
        recordProgress(run);
        thread.join(PROGRESS_EVERY.toMillis());
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  /**
   * Reads on and projects. A failed write is retried from the new generation's stored offsets, as
   * the live projector does, so the projection can single out a record the database refuses; the
   * rebuild fails only when writes keep failing.
   */
  private void pollAndProject(Lane lane, Run run) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    ConsumerRecords<byte[], byte[]> polled;
    do { // a poll short of the most it may return reached the end of the log as it then was
      polled = lane.consumer.poll(Duration.ofMillis(200));
      polled.forEach(records::add);
    } while (polled.count() >= ProjectionConfiguration.MAX_POLL_RECORDS && records.size() < BATCH_RECORDS);
    if (records.isEmpty()) {
      return;
    }
    try {
      lane.projection.project(records, applied -> run.eventsApplied.addAndGet(applied.events()));
      lane.failuresInARow = 0;
    } catch (RuntimeException e) {
      if (++lane.failuresInARow > MAX_FAILURES_IN_A_ROW) {
        throw e;
      }
      log.warn("rebuild {} could not store a batch; retrying from its stored offsets", run.id, e);
      LockSupport.parkNanos(RETRY_DELAY.toNanos()); // back off; may run on the live projector's thread
      ReportProjector.seek(lane.consumer, lane.consumer.assignment(), lane.projection.storedOffsets(topic));
    }
  }

  /** Some partitions, read by one consumer into one projection, by one thread at a time. */
  private static final class Lane {
    final Consumer<byte[], byte[]> consumer;
    final Projection projection;
    int failuresInARow;

    Lane(Consumer<byte[], byte[]> consumer, Projection projection) {
      this.consumer = consumer;
      this.projection = projection;
    }
  }

  /**
   * A log that no longer starts at offset 0 lost events to retention or deletion: a generation
   * built from it would silently miss them, so the rebuild refuses to build or switch.
   */
  private static void requireWholeLog(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
    consumer.beginningOffsets(partitions).forEach((partition, beginning) -> {
      if (beginning > 0) {
        throw new IllegalStateException("partition " + partition.partition() + " of " + partition.topic()
            + " starts at offset " + beginning + ", not 0: events were deleted from the log; restore the topic from the"
            + " event store first (README, Backup and restore)");
      }
    });
  }

  /** The new generation must hold every report at least as far as the live one does. */
  private void requireNoReportBehind(int live, int next) {
    Map<String, Long> rebuilt = store.positions(next);
    List<String> behind = store.positions(live).entrySet().stream()
        .filter(e -> rebuilt.getOrDefault(e.getKey(), 0L) < e.getValue())
        .map(e -> e.getKey() + " (" + rebuilt.getOrDefault(e.getKey(), 0L) + " < " + e.getValue() + ")")
        .sorted()
        .toList();
    if (!behind.isEmpty()) {
      throw new IllegalStateException(behind.size() + " report(s) would end lower than in the live projection: "
          + String.join(", ", behind.subList(0, Math.min(10, behind.size()))));
    }
  }

  /** How many records the rebuild's consumer still has to read to reach {@code target}. */
  private static long behind(Consumer<byte[], byte[]> consumer, Map<TopicPartition, Long> target) {
    long behind = 0;
    for (TopicPartition partition : consumer.assignment()) {
      behind += Math.max(0, target.getOrDefault(partition, 0L) - consumer.position(partition));
    }
    return behind;
  }

  /**
   * Records the outcome in the database before this instance's memory shows it, so no reader can
   * see it ended here and running there; then the memory lets it go.
   */
  private void finish(Run run, String status, String detail) {
    boolean recorded = false;
    try {
      store.rebuildProgressed(new Status(run.id, status, run.eventsApplied.get(), detail), Instant.now());
      recorded = true;
    } catch (RuntimeException e) {
      log.warn("cannot record the end of rebuild {}; this instance answers for it until it stops", run.id, e);
    }
    run.finish(status, detail);
    if (recorded) {
      runs.remove(run.id);
    }
  }

  /** Records the progress at most every {@link #PROGRESS_EVERY}: it also says the rebuild is alive. */
  private void recordProgress(Run run) {
    Instant now = Instant.now();
    if (now.isBefore(run.progressRecorded.plus(PROGRESS_EVERY))) {
      return;
    }
    run.progressRecorded = now;
    try {
      store.rebuildProgressed(run.status(), now);
    } catch (RuntimeException e) {
      log.warn("cannot record the progress of rebuild {}", run.id, e);
    }
  }

  private void deleteQuietly(int generation) {
    try {
      store.deleteGeneration(generation);
    } catch (RuntimeException e) {
      log.warn("cannot delete the rows of the failed generation {}; the next rebuild will", generation, e);
    }
  }

  private static final class Run {
    final String id;
    final AtomicLong eventsApplied = new AtomicLong();
    /** Touched by one thread at a time: the rebuild's, then the live projector's. */
    Instant progressRecorded = Instant.now();
    volatile String status = "RUNNING";
    volatile String detail;

    Run(String id) {
      this.id = id;
    }

    void finish(String status, String detail) {
      this.detail = detail;
      this.status = status;
    }

    Status status() {
      return new Status(id, status, eventsApplied.get(), detail);
    }
  }
}
