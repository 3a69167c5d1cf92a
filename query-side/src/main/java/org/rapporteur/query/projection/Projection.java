package org.rapporteur.query.projection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.rapporteur.query.draft.DraftState;
import org.rapporteur.query.draft.PendingApprovals;
import org.rapporteur.shared.draft.MemberView;
import org.rapporteur.shared.draft.PendingApproval;
import org.rapporteur.shared.draft.ReportDraft;
import org.rapporteur.shared.integrity.HashChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projections of one generation: applies consumed records to the audit trail, the drafts and
 * the chair's queue, and stores them with the next offsets in one transaction. The live projector
 * and a rebuild each own one; it is not thread-safe.
 *
 * <p>Each report is applied in position order, exactly once. A record at or below its report's
 * applied position is a repeat: with the same event id it is a duplicate and changes nothing (ADR
 * 0002 allows them); with another id the log forked, which is never silent: the report is put on
 * {@link Hold hold} as a CONFLICT, counted, and shown by health. A record beyond the next position
 * waits in {@code q_parked} (the report is on hold for the GAP) and is applied, with whatever waits
 * behind it, once the missing position arrives. An event the fold refuses holds its report as
 * FAILED. A record that is not an event at all is quarantined and its report goes on: if it was
 * the report's next event, the gap it leaves holds the report until a republish brings it back.
 * Each event's link in its report's hash chain is checked as it is applied: a record whose hash is
 * not the hash of what it carries, or whose previous hash is not the hash of the event applied
 * before it, holds its report as BROKEN_LINK, as a fork does.
 *
 * <p>The database may refuse a batch for one record's sake (a value no column holds, a character
 * PostgreSQL does not store). After a failed batch the next one is written a record per
 * transaction; a record refused {@value #PARK_AFTER_REFUSALS} times in a row while the database
 * answers is parked as FAILED, so one bad record cannot stop every report.
 */
final class Projection {

  private static final Logger log = LoggerFactory.getLogger(Projection.class);
  private static final int CACHE_SIZE = 2_000;
  static final int PARK_AFTER_REFUSALS = 3;

  private final ProjectionStore store;
  private final TransactionTemplate transactions;
  private final int generation;
  /** Whether this is the live projection, whose every write first checks its generation is active. */
  private final boolean live;
  private final ProjectionCounters counters;
  private final Map<String, Cached> cache =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
          return size() > CACHE_SIZE;
        }
      };
  /** The hash chain's head of the reports applied last, so that checking a link costs no read. */
  private final Map<String, Link> heads =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
          return size() > CACHE_SIZE;
        }
      };
  /** The reports on hold; replaced, never changed, so a failed transaction leaves it as it was. */
  private Map<String, Hold> holds;
  /** Set by a failed batch: the next records go one transaction each. */
  private boolean isolating;
  private RecordRef suspect;
  private int refusals;

  /**
   * @param live true for the live projection: each transaction then begins by checking, under the
   *     generation row's lock, that its generation is still the active one (a rebuild on another
   *     instance may have replaced it), and fails with {@link ProjectionStore.GenerationReplaced}
   *     when not; false for a rebuild's generation, which no one else writes
   */
  Projection(ProjectionStore store, TransactionTemplate transactions, int generation, boolean live,
      ProjectionCounters counters) {
    this.store = store;
    this.transactions = transactions;
    this.generation = generation;
    this.live = live;
    this.counters = counters;
    this.holds = Map.copyOf(store.holds(generation));
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
        committed.accept(projectTogether(records, null));
        return;
      } catch (RuntimeException e) {
        isolating = true;
        throw e;
      }
    }
    for (ConsumerRecord<byte[], byte[]> record : records) {
      Applied applied;
      try {
        applied = projectTogether(List.of(record), null);
      } catch (ProjectionStore.GenerationReplaced e) {
        throw e; // not the record's fault either
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

  /**
   * Projects one report again from its records, replacing every row it had in this generation, in
   * one transaction; the offsets stay. The report's hold is lifted first, so its records are judged
   * afresh: after a republish from the event store, a report held for a gap or a fault goes on.
   *
   * @param records every record of the report, in log order
   */
  Applied reproject(String reportId, List<ConsumerRecord<byte[], byte[]>> records) {
    return projectTogether(records, reportId);
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
    Map<String, Hold> next = new HashMap<>(holds);
    transactions.executeWithoutResult(tx -> {
      requireActive();
      ProjectionBatch batch = new ProjectionBatch();
      batch.parked(incoming, ProjectionBatch.ParkKind.FAILED, reason);
      next.merge(incoming.reportId(), new Hold(Hold.Reason.FAILED, incoming.position()), Projection::earlierFault);
      batch.consumed(new TopicPartition(record.topic(), record.partition()), record.offset());
      store.write(generation, batch);
    });
    holds = Map.copyOf(next);
    cache.remove(incoming.reportId());
    heads.remove(incoming.reportId());
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

  /** @param replacing the report whose rows this transaction replaces, without storing offsets; or null */
  private Applied projectTogether(Iterable<ConsumerRecord<byte[], byte[]>> records, String replacing) {
    Step step = new Step(holds);
    if (replacing != null) {
      step.holds.remove(replacing);
      step.touched.put(replacing, DraftState.empty());
      step.waiting.put(replacing, new ArrayList<>());
    }
    int applied;
    try {
      applied =
          transactions.execute(
              tx -> {
                requireActive();
                if (replacing != null) {
                  store.deleteReport(generation, replacing);
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                  apply(IncomingEvent.from(record), step);
                  if (replacing == null) {
                    step.batch.consumed(new TopicPartition(record.topic(), record.partition()), record.offset());
                  }
                }
                step.touched.forEach((reportId, state) -> draft(reportId, state, step));
                store.write(generation, step.batch);
                return step.batch.applied().size();
              });
    } catch (RuntimeException e) {
      cache.clear(); // cached states may hold events that were not stored
      heads.clear();
      throw e;
    }
    holds = Map.copyOf(step.holds);
    counters.conflicted(step.conflicts);
    step.touched.forEach((report, state) -> cache.put(report, new Cached(state, step.pendingAfter.get(report))));
    heads.putAll(step.heads);
    Map<String, Long> advanced = new HashMap<>();
    step.touched.forEach((report, state) -> advanced.put(report, state.position()));
    return new Applied(applied, advanced);
  }

  private void requireActive() {
    if (live) {
      store.requireActive(generation);
    }
  }

  /** Forgets cached drafts, for partitions another consumer may write meanwhile. */
  void forgetCachedDrafts() {
    cache.clear();
    heads.clear();
  }

  /**
   * Writes the report's draft if this transaction moved it, and its chair's queue if that
   * changed: a batch that only revised paragraphs leaves the queue's rows alone.
   */
  private void draft(String reportId, DraftState state, Step step) {
    Long before = step.positionsBefore.get(reportId);
    if (state.position() == 0 || before != null && before == state.position()) {
      return; // nothing applied: the stored rows are this state already
    }
    ReportDraft view = state.toView();
    List<PendingApproval> pending = PendingApprovals.of(view);
    step.batch.draft(view);
    if (!pending.equals(step.pendingBefore.get(reportId))) {
      step.batch.pending(reportId, pending);
    }
    step.pendingAfter.put(reportId, pending);
    if (!view.members().equals(step.membersBefore.get(reportId))) {
      step.batch.members(reportId, view.members());
    }
  }

  record Applied(int events, Map<String, Long> positions) {}

  /** A report's fold as committed, with its chair's queue as stored, or null when not known. */
  private record Cached(DraftState state, List<PendingApproval> pending) {}

  private record RecordRef(String topic, int partition, long offset) {}

  /** The hash of the event applied at a report's position; null for an event published before the chain. */
  private record Link(long position, String hash) {}

  /**
   * One transaction's work: what it writes, the drafts it touched, the holds as they will be once
   * it commits, the records waiting per report, and the forks it found.
   */
  private static final class Step {
    final ProjectionBatch batch = new ProjectionBatch();
    final Map<String, DraftState> touched = new HashMap<>();
    final Map<String, Hold> holds;
    final Map<String, List<Waiting>> waiting = new HashMap<>();
    /** The positions and queues of the reports as stored when this transaction began, where known. */
    final Map<String, Long> positionsBefore = new HashMap<>();
    final Map<String, List<PendingApproval>> pendingBefore = new HashMap<>();
    final Map<String, List<PendingApproval>> pendingAfter = new HashMap<>();
    final Map<String, List<MemberView>> membersBefore = new HashMap<>();
    final Map<String, Link> heads = new HashMap<>();
    int conflicts;

    Step(Map<String, Hold> holds) {
      this.holds = new HashMap<>(holds);
    }
  }

  /** A record waiting for its report to go on: parked by this batch, or by an earlier one (rowId). */
  private record Waiting(IncomingEvent event, Long rowId, ProjectionBatch.Parked parked) {}

  private void apply(IncomingEvent incoming, Step step) {
    if (incoming.event() == null) {
      quarantine(incoming, step);
      return;
    }
    String reportId = incoming.reportId();
    DraftState state = step.touched.computeIfAbsent(reportId, id -> load(id, step));
    if (incoming.position() <= state.position()) {
      repeated(incoming, step);
      return;
    }
    Hold hold = step.holds.get(reportId);
    if (hold != null && !hold.waitsForGap()) {
      keepWaiting(incoming, step, "report on hold: " + hold.reason() + " at position " + hold.position());
      return;
    }
    if (incoming.position() > state.position() + 1) {
      step.holds.put(reportId, Hold.gap(state.position() + 1));
      keepWaiting(incoming, step, "waiting for position " + (state.position() + 1));
      return;
    }
    if (applyNext(incoming, state, step) && hold != null) {
      releaseWaiting(reportId, state, step);
    }
  }

  /** The event at the report's next position: applied, or its report held as BROKEN_LINK or FAILED. */
  private boolean applyNext(IncomingEvent incoming, DraftState state, Step step) {
    String broken = brokenLink(incoming, step);
    if (broken != null) {
      String reportId = incoming.reportId();
      log.error("report {} held: event {} at position {} breaks the hash chain: {}",
          reportId, incoming.eventId(), incoming.position(), broken);
      step.batch.parked(incoming, ProjectionBatch.ParkKind.BROKEN_LINK, broken);
      step.holds.merge(reportId, new Hold(Hold.Reason.BROKEN_LINK, incoming.position()), Projection::earlierFault);
      return false;
    }
    try {
      state.apply(incoming.event());
      step.batch.applied(incoming);
      step.heads.put(incoming.reportId(), new Link(incoming.position(), incoming.hash()));
      return true;
    } catch (RuntimeException e) {
      failed(incoming, step, e.getClass().getSimpleName() + ": " + e.getMessage());
      return false;
    }
  }

  /** Why the record does not chain to the event applied before it, or null when it does. */
  private String brokenLink(IncomingEvent incoming, Step step) {
    if (incoming.hash() == null) {
      return null; // published before the chain existed: there is no link to check
    }
    boolean matches;
    try {
      matches = incoming.hashMatchesContent();
    } catch (RuntimeException e) {
      matches = false;
    }
    if (!matches) {
      return "the record's hash " + incoming.hash() + " is not the hash of the event it carries";
    }
    String before = previousHash(incoming, step);
    if (before != null && !before.equals(incoming.previousHash())) {
      return "the record links to previous hash " + incoming.previousHash() + ", but the event applied at position "
          + (incoming.position() - 1) + " has hash " + before + ": the chain is broken";
    }
    return null;
  }

  /** The hash of the event applied just before the record's position; null when that event has none. */
  private String previousHash(IncomingEvent incoming, Step step) {
    long before = incoming.position() - 1;
    if (before == 0) {
      return HashChain.GENESIS;
    }
    String reportId = incoming.reportId();
    for (Link link : new Link[] {step.heads.get(reportId), heads.get(reportId)}) {
      if (link != null && link.position() == before) {
        return link.hash();
      }
    }
    return store.hash(generation, reportId, before).filter(hash -> !hash.isEmpty()).orElse(null);
  }

  /** Applies what waited for the position just applied, as far as positions follow each other. */
  private void releaseWaiting(String reportId, DraftState state, Step step) {
    List<Waiting> waiting = new ArrayList<>(waitingOf(reportId, step));
    waiting.sort(Comparator.comparingLong(w -> w.event().position())); // stable: arrival order within a position
    List<Waiting> released = new ArrayList<>();
    for (Waiting next : waiting) {
      Hold hold = step.holds.get(reportId);
      if (hold != null && !hold.waitsForGap()) {
        break;
      }
      boolean goOn = true;
      if (next.event().position() <= state.position()) {
        repeated(next.event(), step);
      } else if (next.event().position() == state.position() + 1) {
        goOn = applyNext(next.event(), state, step); // a failure parks it again, as FAILED
      } else {
        break;
      }
      released.add(next);
      if (next.rowId() != null) {
        step.batch.released(next.rowId());
      } else {
        step.batch.unpark(next.parked());
      }
      if (!goOn) {
        break;
      }
    }
    List<Waiting> left = waitingOf(reportId, step);
    left.removeAll(released);
    Hold hold = step.holds.get(reportId);
    if (hold != null && hold.waitsForGap()) {
      if (left.isEmpty()) {
        step.holds.remove(reportId);
      } else {
        step.holds.put(reportId, Hold.gap(state.position() + 1));
      }
    }
  }

  /** A record at a position already applied: a duplicate, or a fork of the log. */
  private void repeated(IncomingEvent incoming, Step step) {
    String reportId = incoming.reportId();
    String appliedId = step.batch.applied().stream()
        .filter(e -> e.reportId().equals(reportId) && e.position() == incoming.position())
        .map(IncomingEvent::eventId)
        .findFirst()
        .or(() -> store.eventId(generation, reportId, incoming.position()))
        .orElse(null);
    if (incoming.eventId().equals(appliedId)) {
      return; // delivered again: at least once, applied once
    }
    String reason = "position " + incoming.position() + " holds event " + appliedId + "; this record carries event "
        + incoming.eventId() + ": the log forked";
    log.error("conflict in report {}: {}", reportId, reason);
    step.batch.parked(incoming, ProjectionBatch.ParkKind.CONFLICT, reason);
    step.holds.merge(reportId, new Hold(Hold.Reason.CONFLICT, incoming.position()), Projection::earlierFault);
    step.conflicts++;
  }

  private void keepWaiting(IncomingEvent incoming, Step step, String reason) {
    List<Waiting> waiting = waitingOf(incoming.reportId(), step);
    boolean known = waiting.stream().anyMatch(w ->
        w.event().position() == incoming.position() && w.event().eventId().equals(incoming.eventId()));
    if (known) {
      return; // delivered again while it waits
    }
    step.batch.parked(incoming, ProjectionBatch.ParkKind.WAITING, reason);
    List<ProjectionBatch.Parked> parked = step.batch.parked();
    waiting.add(new Waiting(incoming, null, parked.get(parked.size() - 1)));
  }

  private List<Waiting> waitingOf(String reportId, Step step) {
    return step.waiting.computeIfAbsent(reportId, id -> {
      List<Waiting> stored = new ArrayList<>();
      if (holds.containsKey(id)) { // only a report on hold has rows waiting
        store.waiting(generation, id).forEach(w -> stored.add(new Waiting(w.event(), w.rowId(), null)));
      }
      return stored;
    });
  }

  private void quarantine(IncomingEvent incoming, Step step) {
    boolean again = step.batch.parked().stream().anyMatch(p -> p.kind() == ProjectionBatch.ParkKind.UNREADABLE
            && p.event().reportId().equals(incoming.reportId()) && p.event().position() == incoming.position()
            && Objects.equals(p.event().eventId(), incoming.eventId()))
        || store.quarantined(generation, incoming.reportId(), incoming.position(), incoming.eventId());
    if (again) {
      return;
    }
    log.error("quarantined record {} of report {} at position {}: {}",
        incoming.eventId(), incoming.reportId(), incoming.position(), incoming.error());
    step.batch.parked(incoming, ProjectionBatch.ParkKind.UNREADABLE, "unreadable event: " + incoming.error());
  }

  private void failed(IncomingEvent incoming, Step step, String reason) {
    String reportId = incoming.reportId();
    log.error("report {} held: event {} at position {} cannot be applied: {}",
        reportId, incoming.eventId(), incoming.position(), reason);
    step.batch.parked(incoming, ProjectionBatch.ParkKind.FAILED, reason);
    step.holds.merge(reportId, new Hold(Hold.Reason.FAILED, incoming.position()), Projection::earlierFault);
    // A failed handler may have half-changed the state: fold again what this batch applied before,
    // so the stored draft matches the stored audit trail.
    cache.remove(reportId);
    List<IncomingEvent> appliedBefore = new ArrayList<>();
    for (IncomingEvent applied : step.batch.applied()) {
      if (applied.reportId().equals(reportId)) {
        appliedBefore.add(applied);
      }
    }
    DraftState state = store.draftState(generation, reportId).orElseGet(DraftState::empty);
    appliedBefore.forEach(e -> state.apply(e.event()));
    step.touched.put(reportId, state);
  }

  /** A fault outranks a gap; of two faults, the earlier position is the one to repair first. */
  private static Hold earlierFault(Hold held, Hold fault) {
    if (held.waitsForGap()) {
      return fault;
    }
    return held.position() <= fault.position() ? held : fault;
  }

  private DraftState load(String reportId, Step step) {
    Cached cached = cache.remove(reportId);
    DraftState state = cached != null
        ? cached.state()
        : store.draftState(generation, reportId).orElseGet(DraftState::empty);
    step.positionsBefore.put(reportId, state.position());
    step.membersBefore.put(reportId, state.memberViews());
    if (cached != null && cached.pending() != null) {
      step.pendingBefore.put(reportId, cached.pending());
    }
    return state;
  }
}
