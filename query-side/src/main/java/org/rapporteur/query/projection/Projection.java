package org.rapporteur.query.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.rapporteur.query.draft.DraftState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projections of one generation: applies consumed records to the audit trail, the drafts and
 * the chair's queue, and stores them with the next offsets in one transaction. The live projector
 * and a rebuild each own one; it is not thread-safe.
 *
 * <p>An event at or below its report's applied position is a duplicate and changes nothing. An
 * event that cannot be read or applied is parked with its error, and so are the later events of
 * its report (a draft folded past a missing event would be wrong), while other reports go on.
 *
 * <p>The database may refuse a batch for one record's sake (a value no column holds, a character
 * PostgreSQL does not store). After a failed batch the next one is written a record per
 * transaction; a record refused {@value #PARK_AFTER_REFUSALS} times in a row while the database
 * answers is parked like an unreadable one, so one bad record cannot stop every report.
 */
final class Projection {

  private static final Logger log = LoggerFactory.getLogger(Projection.class);
  private static final int CACHE_SIZE = 2_000;
  static final int PARK_AFTER_REFUSALS = 3;

  private final ProjectionStore store;
  private final TransactionTemplate transactions;
  private final int generation;
  private final Map<String, DraftState> cache =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DraftState> eldest) {
          return size() > CACHE_SIZE;
        }
      };
  /** Reports with a parked event, and the last position parked for each. */
  private final Map<String, Long> blocked;
  /** Set by a failed batch: the next records go one transaction each. */
  private boolean isolating;
  private RecordRef suspect;
  private int refusals;

  Projection(ProjectionStore store, TransactionTemplate transactions, int generation) {
    this.store = store;
    this.transactions = transactions;
    this.generation = generation;
    this.blocked = new HashMap<>(store.blockedReports(generation));
  }

  int generation() {
    return generation;
  }

  Map<TopicPartition, Long> storedOffsets(String topic) {
    return store.offsets(generation, topic);
  }

  /**
   * Projects the records and stores them with their offsets: all in one transaction, or, after a
   * failed batch, one transaction per record.
   *
   * @param committed told what each transaction stored, as soon as it commits
   * @throws RuntimeException when a write failed: what {@code committed} was not told of is not
   *     stored, and the caller must read it again from the stored offsets
   */
  void project(Iterable<ConsumerRecord<byte[], byte[]>> records, Consumer<Applied> committed) {
    if (!isolating) {
      try {
        committed.accept(projectTogether(records));
        return;
      } catch (RuntimeException e) {
        isolating = true;
        throw e;
      }
    }
    for (ConsumerRecord<byte[], byte[]> record : records) {
      Applied applied;
      try {
        applied = projectTogether(List.of(record));
      } catch (RuntimeException e) {
        // A database that does not answer is down, and that is not the record's fault.
        if (!store.answers() || !refusedTooOften(record)) {
          throw e;
        }
        applied = parkRefused(record, e);
      }
      committed.accept(applied);
    }
    isolating = false;
    suspect = null;
  }

  private boolean refusedTooOften(ConsumerRecord<byte[], byte[]> record) {
    RecordRef ref = new RecordRef(record.topic(), record.partition(), record.offset());
    refusals = ref.equals(suspect) ? refusals + 1 : 1;
    suspect = ref;
    return refusals >= PARK_AFTER_REFUSALS;
  }

  private Applied parkRefused(ConsumerRecord<byte[], byte[]> record, RuntimeException refusal) {
    IncomingEvent incoming = IncomingEvent.from(record);
    String reason = "the database refused it " + PARK_AFTER_REFUSALS + " times: " + rootMessage(refusal);
    log.error("parked event {} of report {} at position {}: {}", incoming.eventId(), incoming.reportId(), incoming.position(), reason);
    Map<String, Long> newlyBlocked = new HashMap<>();
    transactions.executeWithoutResult(tx -> {
      ProjectionBatch batch = new ProjectionBatch();
      parkAfter(incoming, batch, newlyBlocked, reason);
      batch.consumed(new TopicPartition(record.topic(), record.partition()), record.offset());
      store.write(generation, batch);
    });
    blocked.putAll(newlyBlocked);
    cache.remove(incoming.reportId());
    suspect = null;
    return new Applied(0, Map.of());
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private Applied projectTogether(Iterable<ConsumerRecord<byte[], byte[]>> records) {
    Map<String, DraftState> touched = new HashMap<>();
    Map<String, Long> newlyBlocked = new HashMap<>();
    int applied;
    try {
      applied =
          transactions.execute(
              tx -> {
                ProjectionBatch batch = new ProjectionBatch();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                  apply(IncomingEvent.from(record), batch, touched, newlyBlocked);
                  batch.consumed(new TopicPartition(record.topic(), record.partition()), record.offset());
                }
                touched.values().forEach(state -> batch.draft(state.toView()));
                store.write(generation, batch);
                return batch.applied().size();
              });
    } catch (RuntimeException e) {
      cache.clear(); // cached states may hold events that were not stored
      throw e;
    }
    blocked.putAll(newlyBlocked);
    cache.putAll(touched);
    Map<String, Long> advanced = new HashMap<>();
    touched.forEach((report, state) -> advanced.put(report, state.position()));
    return new Applied(applied, advanced);
  }

  /** Forgets cached drafts, for partitions another consumer may write meanwhile. */
  void forgetCachedDrafts() {
    cache.clear();
  }

  record Applied(int events, Map<String, Long> positions) {}

  private record RecordRef(String topic, int partition, long offset) {}

  private void apply(
      IncomingEvent incoming, ProjectionBatch batch, Map<String, DraftState> touched, Map<String, Long> newlyBlocked) {
    String reportId = incoming.reportId();
    Long lastParked = newlyBlocked.containsKey(reportId) ? newlyBlocked.get(reportId) : blocked.get(reportId);
    if (lastParked != null) {
      // A redelivered parked event is not parked twice.
      if (incoming.position() > lastParked) {
        parkAfter(incoming, batch, newlyBlocked, "an earlier event of this report is parked");
      }
      return;
    }
    if (incoming.event() == null) {
      park(incoming, batch, touched, newlyBlocked, "unreadable event: " + incoming.error());
      return;
    }
    DraftState state = touched.computeIfAbsent(reportId, this::load);
    try {
      if (state.apply(incoming.event())) {
        batch.applied(incoming);
      }
    } catch (RuntimeException e) {
      park(incoming, batch, touched, newlyBlocked, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private void park(
      IncomingEvent incoming,
      ProjectionBatch batch,
      Map<String, DraftState> touched,
      Map<String, Long> newlyBlocked,
      String reason) {
    log.error(
        "parked event {} of report {} at position {}: {}",
        incoming.eventId(), incoming.reportId(), incoming.position(), reason);
    parkAfter(incoming, batch, newlyBlocked, reason);
    // A failed handler may have half-changed the state: fold again what this batch applied before,
    // so the stored draft matches the stored audit trail.
    String reportId = incoming.reportId();
    cache.remove(reportId);
    List<IncomingEvent> appliedBefore = new ArrayList<>();
    for (IncomingEvent applied : batch.applied()) {
      if (applied.reportId().equals(reportId)) {
        appliedBefore.add(applied);
      }
    }
    if (appliedBefore.isEmpty()) {
      touched.remove(reportId);
      return;
    }
    DraftState state = store.draftState(generation, reportId).orElseGet(DraftState::empty);
    appliedBefore.forEach(e -> state.apply(e.event()));
    touched.put(reportId, state);
  }

  private static void parkAfter(
      IncomingEvent incoming, ProjectionBatch batch, Map<String, Long> newlyBlocked, String reason) {
    batch.parked(incoming, reason);
    newlyBlocked.merge(incoming.reportId(), incoming.position(), Math::max);
  }

  private DraftState load(String reportId) {
    DraftState cached = cache.remove(reportId);
    return cached != null ? cached : store.draftState(generation, reportId).orElseGet(DraftState::empty);
  }
}
