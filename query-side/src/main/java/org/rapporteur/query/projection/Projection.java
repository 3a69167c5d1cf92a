package org.rapporteur.query.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 */
final class Projection {

  private static final Logger log = LoggerFactory.getLogger(Projection.class);
  private static final int CACHE_SIZE = 2_000;

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
   * Projects the records and stores them with their offsets, all or nothing.
   *
   * @return how many events were applied, and the position each touched report reached
   * @throws RuntimeException when the write failed: nothing of the records is stored, and the
   *     caller must read them again from the stored offsets
   */
  Applied project(Iterable<ConsumerRecord<byte[], byte[]>> records) {
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
