package org.rapporteur.command.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
import org.rapporteur.shared.integrity.Checkpoint;
import org.rapporteur.shared.integrity.HashChain;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.shared.report.ReportEvent;

/**
 * One row of the event store as the hash chain reads it: what the audit trail will show of it,
 * and the chain link its metadata holds. The verifier and the migration that chained the events
 * stored before the chain read rows this way, so they compute the same hash the storage engine did.
 */
public record StoredEvent(
    long globalIndex, String eventId, long sequenceNumber, String timeStamp, String payloadType, byte[] payload,
    byte[] metaData) {

  /** Metadata keys of the chain link; {@value #CHAINED_BY} names a migration that computed it later. */
  public static final String HASH = "hash";
  public static final String PREVIOUS_HASH = "previousHash";
  public static final String CHAINED_BY = "hashChainedBy";
  /** Metadata keys of the signed checkpoint an act that fixed text carries (ADR 0010). */
  public static final String CHECKPOINT_KEY_ID = "checkpointKeyId";
  public static final String CHECKPOINT_SIGNATURE = "checkpointSignature";

  /** The columns {@link #read(ResultSet)} reads, in its order. */
  public static final String COLUMNS =
      "globalIndex, eventIdentifier, sequenceNumber, timeStamp, payloadType, payload, metaData";

  /** Reads {@link #COLUMNS} from the row, the first of them at column {@code from}. */
  public static StoredEvent read(ResultSet row, int from) throws SQLException {
    return new StoredEvent(row.getLong(from), row.getString(from + 1), row.getLong(from + 2), row.getString(from + 3),
        row.getString(from + 4), row.getBytes(from + 5), row.getBytes(from + 6));
  }

  /** The report stream's 1-based position, as the audit trail and Kafka show it. */
  public long position() {
    return sequenceNumber + 1;
  }

  /**
   * The hash of this event after {@code previousHash}, from the values its audit entry shows: the
   * payload as stored (what Kafka carried and the audit trail shows, whatever upcasters make of it
   * later), the stored instant, the actor the event names.
   *
   * @throws RuntimeException when the row no longer holds an event of its type
   */
  public String recompute(String previousHash) {
    String className = payloadType;
    ReportEvent event = ReportEventJson.fromBytes(className.substring(className.lastIndexOf('.') + 1), payload);
    try {
      return HashChain.hash(previousHash, position(), eventId, event.type(), timestamp(), event.actor(),
          ReportEventJson.mapper().readTree(payload));
    } catch (IOException e) {
      throw new UncheckedIOException("the payload of event " + eventId + " is not JSON", e);
    }
  }

  public Instant timestamp() {
    return DateTimeUtils.parseInstant(timeStamp);
  }

  /** The hash the store holds for this event, or null when it holds none. */
  public String storedHash() {
    return link(HASH);
  }

  public String storedPreviousHash() {
    return link(PREVIOUS_HASH);
  }

  /** The name of the migration that chained this event after it was stored, or null. */
  public String chainedBy() {
    return link(CHAINED_BY);
  }

  /** The signed checkpoint of this event's stored hash, or null when it carries none. */
  public Checkpoint checkpoint(String reportId) {
    String signature = link(CHECKPOINT_SIGNATURE);
    return signature == null ? null : new Checkpoint(reportId, position(), storedHash(), link(CHECKPOINT_KEY_ID), signature);
  }

  private String link(String key) {
    JsonNode value = metaDataTree().get(key);
    return value == null || !value.isTextual() ? null : value.textValue();
  }

  /** The stored metadata as a JSON object (Axon's serializer writes metadata as one). */
  public ObjectNode metaDataTree() {
    if (metaData == null || metaData.length == 0) {
      return ReportEventJson.mapper().createObjectNode();
    }
    try {
      JsonNode tree = ReportEventJson.mapper().readTree(metaData);
      return tree instanceof ObjectNode object ? object : ReportEventJson.mapper().createObjectNode();
    } catch (IOException e) {
      throw new UncheckedIOException("the metadata of event " + eventId + " is not JSON", e);
    }
  }
}
