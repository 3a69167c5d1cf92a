package org.rapporteur.command.eventstore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.rapporteur.shared.integrity.Checkpoint;
import org.rapporteur.shared.integrity.HashChain;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.shared.report.ReportEvent;

/**
 * Axon's JDBC storage engine, chaining each report event to the one before as it stores it: the
 * event's metadata, in the same row, holds its {@code previousHash} and {@code hash} (API.md 1.1).
 *
 * <p>The previous hash is read in the appending transaction from the stored event one position
 * before. Two command-side instances that race for one position both read the same previous
 * event; the store's unique (aggregate, sequence) constraint lets one row in and rolls the other
 * transaction back, hash and all, so the chain follows the winner and never forks. The loser's
 * command is sent again and chains after the winner.
 *
 * <p>The timestamp is hashed as the store keeps it (to the millisecond), so that the instant Kafka
 * carries and the audit trail shows is the instant that was hashed.
 *
 * <p>The hash of the last event this instance committed for each of the reports it wrote lately
 * is kept, keyed by its position, so that the next append to the report needs no read: a
 * committed row never changes, so a hash kept for position n is the stored one whichever instance
 * appends n + 1. It is kept only once the unit of work has committed, never for a transaction that
 * may still roll back.
 *
 * <p>An act that fixes text ({@link Checkpoint#SIGNED_TYPES}) also gets the head its hash makes
 * signed with the key held outside the database (ADR 0010), in the same metadata.
 */
final class ChainingEventStorageEngine extends JdbcEventStorageEngine {

  /** Reports whose last committed hash is kept; as many as the aggregate cache holds by default, and then some. */
  static final int KEPT_HEADS = 4_096;

  private final CheckpointSigner signer;
  private final Map<String, Head> committedHeads = Collections.synchronizedMap(
      new LinkedHashMap<>(KEPT_HEADS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
          return size() > KEPT_HEADS;
        }
      });

  ChainingEventStorageEngine(JdbcEventStorageEngine.Builder builder, CheckpointSigner signer) {
    super(builder);
    this.signer = signer;
  }

  /** A report's hash at a position (0-based sequence), as stored. */
  private record Head(long sequence, String hash) {}

  @Override
  protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
    List<EventMessage<?>> chained = new ArrayList<>(events.size());
    Map<String, String> headsInBatch = new HashMap<>(); // "aggregate:sequence" -> hash, for a command's several events
    for (EventMessage<?> message : events) {
      if (!(message instanceof DomainEventMessage<?> domain) || !(domain.getPayload() instanceof ReportEvent event)) {
        chained.add(message);
        continue;
      }
      String aggregate = domain.getAggregateIdentifier();
      long sequence = domain.getSequenceNumber();
      String previous = sequence == 0
          ? HashChain.GENESIS
          : headsInBatch.getOrDefault(aggregate + ":" + (sequence - 1), null);
      if (previous == null) {
        Head committed = committedHeads.get(aggregate);
        previous = committed != null && committed.sequence() == sequence - 1
            ? committed.hash()
            : storedHash(aggregate, sequence - 1);
      }
      // The instant as the store keeps it, which is what Kafka and the audit trail show: Axon writes
      // it with exactly three fraction digits, cut, not rounded (DateTimeUtils.formatInstant).
      Instant timestamp = domain.getTimestamp().truncatedTo(ChronoUnit.MILLIS);
      String hash = HashChain.hash(previous, sequence + 1, domain.getIdentifier(), event.type(), timestamp,
          event.actor(), ReportEventJson.toTree(event));
      headsInBatch.put(aggregate + ":" + sequence, hash);
      MetaData metaData = domain.getMetaData().and(StoredEvent.PREVIOUS_HASH, previous).and(StoredEvent.HASH, hash);
      if (Checkpoint.SIGNED_TYPES.contains(event.type())) {
        Checkpoint checkpoint = signer.sign(aggregate, sequence + 1, hash);
        metaData = metaData.and(StoredEvent.CHECKPOINT_KEY_ID, checkpoint.keyId())
            .and(StoredEvent.CHECKPOINT_SIGNATURE, checkpoint.signature());
      }
      chained.add(new GenericDomainEventMessage<>(domain.getType(), aggregate, sequence, event, metaData,
          domain.getIdentifier(), timestamp));
    }
    super.appendEvents(chained, serializer);
    keepAfterCommit(headsInBatch);
  }

  /** The batch's last hash of each report, kept once the unit of work that appends it has committed. */
  private void keepAfterCommit(Map<String, String> headsInBatch) {
    if (headsInBatch.isEmpty() || !CurrentUnitOfWork.isStarted()) {
      return; // outside a unit of work the commit cannot be observed here: nothing is kept
    }
    Map<String, Head> last = new HashMap<>();
    headsInBatch.forEach((key, hash) -> {
      int colon = key.lastIndexOf(':');
      Head head = new Head(Long.parseLong(key.substring(colon + 1)), hash);
      last.merge(key.substring(0, colon), head, (a, b) -> a.sequence() >= b.sequence() ? a : b);
    });
    CurrentUnitOfWork.get().root().afterCommit(u -> committedHeads.putAll(last));
  }

  /** The hash stored with the report's event at {@code sequence}, in the appending transaction. */
  private String storedHash(String aggregate, long sequence) {
    StoredEvent previous = JdbcUtils.executeQuery(
        getConnection(),
        connection -> {
          var statement = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
              + " FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?");
          statement.setString(1, aggregate);
          statement.setLong(2, sequence);
          return statement;
        },
        rows -> rows.next() ? StoredEvent.read(rows, 1) : null,
        e -> new EventStoreException("cannot read the event before the one to store", e));
    if (previous == null || previous.storedHash() == null) {
      // Only a command-side instance of a version before the chain writes such an event: they all
      // stop before this version migrates the store (README, "Verifying the record").
      throw new EventStoreException("report " + aggregate + " has no chained event at position " + (sequence + 1)
          + "; an instance that does not chain events may still be writing to this store");
    }
    return previous.storedHash();
  }
}
