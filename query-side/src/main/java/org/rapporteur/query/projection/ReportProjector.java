package org.rapporteur.query.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live projector: consumes the report events in the query side's consumer group and projects
 * them into the active generation, one database transaction per poll, or per record after a
 * failed one (see {@link Projection}).
 *
 * <p>Exactly-once in effect: offsets come from the database, not from Kafka's group commits, so a
 * crash resumes after the last committed batch. A failure (database down, broker gone) is logged,
 * shown by the health endpoint, and retried from the stored offsets; it never ends the thread.
 * A rebuild takes over through {@link #handOver}, run between two batches.
 */
public class ReportProjector implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ReportProjector.class);
  private static final long RETRY_MILLIS = 1_000;

  private final Supplier<Consumer<byte[], byte[]>> consumers;
  // A new consumer at each start: a closed one cannot subscribe again, and Spring may stop and
  // start the projector (a paused test context, a lifecycle restart).
  private volatile Consumer<byte[], byte[]> consumer;
  private final ProjectionStore store;
  private final TransactionTemplate transactions;
  private final ProjectionPositions positions;
  private final String topic;
  private final ProjectionCounters counters;
  private final AtomicLong eventsApplied = new AtomicLong();
  private final AtomicLong generationsFollowed = new AtomicLong();
  /** A copy of the consumer's assignment: the consumer itself may be touched by its thread only. */
  private volatile Set<Integer> assigned = Set.of();
  /** Records of the assigned partitions not read yet, as of the last poll; -1 before the first. */
  private volatile long lag = -1;
  private final AtomicReference<Handoff> handoff = new AtomicReference<>();
  private final Object retrySignal = new Object();
  private volatile Projection projection;
  private volatile Thread thread;
  private volatile boolean running;
  private volatile String lastError;

  public ReportProjector(
      Supplier<Consumer<byte[], byte[]>> consumers,
      ProjectionStore store,
      TransactionTemplate transactions,
      ProjectionPositions positions,
      String topic,
      ProjectionCounters counters) {
    this.consumers = consumers;
    this.store = store;
    this.transactions = transactions;
    this.positions = positions;
    this.topic = topic;
    this.counters = counters;
  }

  @Override
  public void start() {
    consumer = consumers.get();
    projection = new Projection(store, transactions, store.activeGeneration(), true, counters);
    running = true;
    thread = new Thread(this::run, "report-projector");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    Consumer<byte[], byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    synchronized (retrySignal) {
      retrySignal.notifyAll();
    }
    Thread t = thread;
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Events applied since start. */
  public long eventsApplied() {
    return eventsApplied.get();
  }

  /** The last failure of the projector, or null when the last batch went through. */
  public String lastError() {
    return lastError;
  }

  /**
   * Runs {@code action} on the projector's thread between two batches, while it consumes nothing,
   * and continues on the projection the action returns, from that projection's stored offsets.
   * A rebuild switches generations this way, so no event is skipped or applied twice.
   *
   * @param action given the live projection; its result becomes the live one
   * @param timeout how long to wait for the projector to pause
   * @throws TimeoutException when the projector did not pause in time; the action will not run
   * @throws ExecutionException when the action failed; the live projection stays
   */
  void handOver(UnaryOperator<Projection> action, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    Handoff request = new Handoff(action, new CompletableFuture<>());
    if (!running || !handoff.compareAndSet(null, request)) {
      throw new IllegalStateException("the live projector is not running or already handing over");
    }
    consumer.wakeup();
    try {
      request.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      if (handoff.compareAndSet(request, null)) {
        throw e;
      }
      request.done().get(); // the projector took it just now: it runs to the end
    }
  }

  /**
   * Projects one report again, between two batches on the projector's thread, from the records
   * {@code reader} finds up to the live projection's stored offsets, where the projector stands.
   *
   * @param reader given the partition and the offset to read up to, the report's records in log order
   * @throws NotOwned when another instance of the group projects the report's partition
   */
  Projection.Applied reproject(
      String reportId, BiFunction<TopicPartition, Long, List<ConsumerRecord<byte[], byte[]>>> reader, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    AtomicReference<Projection.Applied> applied = new AtomicReference<>();
    handOver(live -> {
      TopicPartition partition = ReportPartitions.of(consumer, topic, reportId);
      if (!consumer.assignment().contains(partition)) {
        throw new NotOwned(reportId, partition);
      }
      long until = live.storedOffsets(topic).getOrDefault(partition, 0L);
      applied.set(live.reproject(reportId, reader.apply(partition, until)));
      return live;
    }, timeout);
    positions.advanced(applied.get().positions());
    return applied.get();
  }

  /** Another instance of the consumer group projects this report: only it may project it again. */
  public static final class NotOwned extends RuntimeException {
    NotOwned(String reportId, TopicPartition partition) {
      super("Report '" + reportId + "' lives in partition " + partition.partition()
          + ", which another query-side instance projects; send the request to that instance.");
    }
  }

  Map<TopicPartition, Long> storedOffsets() {
    return projection.storedOffsets(topic);
  }

  private void run() {
    try {
      consumer.subscribe(List.of(topic), new ResumeFromStoredOffsets());
      while (running) {
        try {
          runHandoff();
          ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
          lag = records.count() + unread();
          if (!records.isEmpty()) {
            projection.project(records, this::committed);
          }
          lag = unread();
          lastError = null;
        } catch (WakeupException e) {
          // stop() or a hand-over woke the poll; the loop checks both
        } catch (ProjectionStore.GenerationReplaced e) {
          log.info("{}: projecting the active generation from its stored offsets", e.getMessage());
          followActiveGeneration();
        } catch (RuntimeException e) {
          lastError = Instant.now() + " " + e;
          log.error("projecting failed; retrying from the stored offsets", e);
          retryFromStoredOffsets();
        }
      }
    } finally {
      Handoff pending = handoff.getAndSet(null);
      if (pending != null) {
        pending.done().completeExceptionally(new IllegalStateException("the live projector stopped"));
      }
      consumer.close();
      assigned = Set.of();
      running = false;
    }
  }

  private void committed(Projection.Applied applied) {
    eventsApplied.addAndGet(applied.events());
    positions.advanced(applied.positions());
  }

  private void runHandoff() {
    Handoff request = handoff.getAndSet(null);
    if (request == null) {
      return;
    }
    Projection next;
    try {
      next = request.action().apply(projection);
    } catch (RuntimeException e) {
      request.done().completeExceptionally(e);
      return;
    }
    boolean switched = next != projection;
    projection = next;
    request.done().complete(null);
    if (switched) {
      // A failure here is retried from the same stored offsets, like any other.
      rewindToStoredOffsets(consumer.assignment());
    }
  }

  /**
   * A rebuild on another instance switched generations (ADR 0011): nothing of the rolled-back
   * batch was stored, and the new generation's offsets say where its rows end, so the projector
   * reads on from there.
   */
  private void followActiveGeneration() {
    try {
      projection = new Projection(store, transactions, store.activeGeneration(), true, counters);
      rewindToStoredOffsets(consumer.assignment());
      generationsFollowed.incrementAndGet();
    } catch (RuntimeException e) {
      lastError = Instant.now() + " " + e;
      log.error("cannot follow the active generation; retrying", e);
      retryFromStoredOffsets();
    }
  }

  /**
   * Records in this instance's partitions that it has not projected yet, as of its last poll (the
   * gauge {@code rapporteur.projection.lag}); -1 before its first poll.
   */
  public long lag() {
    return lag;
  }

  /** What the consumer knows, from its last fetch, of the records past its position: no request. */
  private long unread() {
    return consumer.assignment().stream().mapToLong(p -> consumer.currentLag(p).orElse(0)).sum();
  }

  /** The partitions of the topic this instance projects now, as the group assigned them. */
  public Set<Integer> assignedPartitions() {
    return assigned;
  }

  /** Times this projector found its generation replaced by a rebuild elsewhere and followed it. */
  public long generationsFollowed() {
    return generationsFollowed.get();
  }

  private void retryFromStoredOffsets() {
    synchronized (retrySignal) {
      try {
        retrySignal.wait(RETRY_MILLIS); // back off; stop() cuts it short
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
        return;
      }
    }
    try {
      projection.forgetCachedDrafts();
      rewindToStoredOffsets(consumer.assignment());
    } catch (RuntimeException e) {
      log.warn("cannot read the stored offsets yet", e);
    }
  }

  private void rewindToStoredOffsets(Collection<TopicPartition> partitions) {
    seek(consumer, partitions, projection.storedOffsets(topic));
  }

  /** Points the consumer at the stored offsets, or at the beginning of a partition none is stored for. */
  static void seek(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, Map<TopicPartition, Long> stored) {
    for (TopicPartition partition : partitions) {
      Long offset = stored.get(partition);
      if (offset == null) {
        consumer.seekToBeginning(List.of(partition));
      } else {
        consumer.seek(partition, offset);
      }
    }
  }

  private static Set<Integer> partitionNumbers(Collection<TopicPartition> partitions) {
    return partitions.stream().map(TopicPartition::partition).collect(Collectors.collectingAndThen(
        Collectors.toCollection(TreeSet::new), Collections::unmodifiableSet));
  }

  private record Handoff(UnaryOperator<Projection> action, CompletableFuture<Void> done) {}

  /** Partitions are read from the offsets stored with the projection, never from Kafka's. */
  private final class ResumeFromStoredOffsets implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      assigned = partitionNumbers(consumer.assignment());
      rewindToStoredOffsets(partitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      assigned = partitionNumbers(consumer.assignment().stream().filter(p -> !partitions.contains(p)).toList());
      projection.forgetCachedDrafts();
    }
  }
}
