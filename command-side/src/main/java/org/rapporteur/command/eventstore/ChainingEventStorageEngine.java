package org.rapporteur.command.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
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
 * <p>An act that fixes text ({@link Checkpoint#SIGNED_TYPES}) also gets the head its hash makes
 * signed with the key held outside the database (ADR 0010), in the same metadata.
 */
final class ChainingEventStorageEngine extends JdbcEventStorageEngine {

  private final CheckpointSigner signer;

  ChainingEventStorageEngine(JdbcEventStorageEngine.Builder builder, CheckpointSigner signer) {
    super(builder);
    this.signer = signer;
  }

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
        previous = storedHash(aggregate, sequence - 1);
      }
      // The instant as the store keeps it (Axon writes milliseconds), which is what Kafka and the audit trail show.
      Instant timestamp = DateTimeUtils.parseInstant(DateTimeUtils.formatInstant(domain.getTimestamp()));
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
