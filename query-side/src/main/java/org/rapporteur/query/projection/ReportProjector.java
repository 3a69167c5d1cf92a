package org.rapporteur.query.projection;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.rapporteur.query.draft.DraftState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumes the report events and projects them: the audit trail, the drafts and the chair's
 * queue, all written with the consumed offsets in one database transaction per poll.
 *
 * <p>Exactly-once in effect: offsets come from the database, not from Kafka's group commits, so a
 * crash resumes after the last committed batch; an event whose position the report has already
 * applied is a duplicate (the publisher may send a batch twice) and is skipped. An event that
 * cannot be applied is parked with its error, and so are the later events of its report, while
 * other reports go on.
 */
public class ReportProjector implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ReportProjector.class);
  private static final int CACHE_SIZE = 2_000;

  private final Consumer<byte[], byte[]> consumer;
  private final ProjectionStore store;
  private final TransactionTemplate transactions;
  private final ProjectionPositions positions;
  private final String topic;
  private final AtomicLong eventsApplied = new AtomicLong();
  private final Map<String, DraftState> cache =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DraftState> eldest) {
          return size() > CACHE_SIZE;
        }
      };
  private final Set<String> blocked = new HashSet<>();
  private volatile Thread thread;
  private volatile boolean running;
  private volatile int generation;

  public ReportProjector(
      Consumer<byte[], byte[]> consumer,
      ProjectionStore store,
      TransactionTemplate transactions,
      ProjectionPositions positions,
      String topic) {
    this.consumer = consumer;
    this.store = store;
    this.transactions = transactions;
    this.positions = positions;
    this.topic = topic;
  }

  @Override
  public void start() {
    generation = store.activeGeneration();
    blocked.addAll(store.blockedReports(generation));
    running = true;
    thread = new Thread(this::run, "report-projector");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    consumer.wakeup();
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

  public long eventsApplied() {
    return eventsApplied.get();
  }

  private void run() {
    try {
      consumer.subscribe(List.of(topic), new ResumeFromStoredOffsets());
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) {
          project(records);
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (RuntimeException e) {
      log.error("the report projector stopped", e);
    } finally {
      consumer.close();
      running = false;
    }
  }

  private void project(ConsumerRecords<byte[], byte[]> records) {
    Map<String, DraftState> touched = new HashMap<>();
    try {
      ProjectionBatch batch =
          transactions.execute(
              tx -> {
                ProjectionBatch b = new ProjectionBatch();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                  apply(IncomingEvent.from(record), b, touched);
                  b.consumed(new TopicPartition(record.topic(), record.partition()), record.offset());
                }
                touched.values().forEach(state -> b.draft(state.toView()));
                store.write(generation, b);
                return b;
              });
      Map<String, Long> advanced = new HashMap<>();
      touched.forEach((report, state) -> advanced.put(report, state.position()));
      synchronized (cache) {
        cache.putAll(touched);
      }
      eventsApplied.addAndGet(batch.applied().size());
      batch.parked().forEach(p -> blocked.add(p.event().reportId()));
      positions.advanced(advanced);
    } catch (RuntimeException e) {
      // Nothing of the batch was stored: forget cached states and read the batch again.
      log.warn("projecting a batch failed; it will be read again", e);
      synchronized (cache) {
        cache.clear();
      }
      rewindToStoredOffsets(records.partitions());
      pause();
    }
  }

  private void apply(IncomingEvent incoming, ProjectionBatch batch, Map<String, DraftState> touched) {
    String reportId = incoming.reportId();
    if (blocked.contains(reportId)) {
      batch.parked(incoming, "an earlier event of this report is parked");
      return;
    }
    if (incoming.event() == null) {
      park(incoming, batch, touched, "unreadable event: " + incoming.error());
      return;
    }
    DraftState state = touched.computeIfAbsent(reportId, this::load);
    try {
      if (state.apply(incoming.event())) {
        batch.applied(incoming);
      }
    } catch (RuntimeException e) {
      park(incoming, batch, touched, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private void park(IncomingEvent incoming, ProjectionBatch batch, Map<String, DraftState> touched, String reason) {
    log.error("parked event {} of report {} at position {}: {}", incoming.eventId(), incoming.reportId(), incoming.position(), reason);
    batch.parked(incoming, reason);
    blocked.add(incoming.reportId());
    touched.remove(incoming.reportId());
  }

  private DraftState load(String reportId) {
    synchronized (cache) {
      DraftState cached = cache.remove(reportId);
      if (cached != null) {
        return cached;
      }
    }
    return store.draftState(generation, reportId).orElseGet(DraftState::empty);
  }

  private void rewindToStoredOffsets(Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> stored = store.offsets(generation, topic);
    for (TopicPartition partition : partitions) {
      Long offset = stored.get(partition);
      if (offset == null) {
        consumer.seekToBeginning(List.of(partition));
      } else {
        consumer.seek(partition, offset);
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1_000); // back off before retrying a failed database write
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Partitions are read from the offsets stored with the projection, never from Kafka's. */
  private final class ResumeFromStoredOffsets implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      rewindToStoredOffsets(partitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      synchronized (cache) {
        cache.clear();
      }
    }
  }
}
