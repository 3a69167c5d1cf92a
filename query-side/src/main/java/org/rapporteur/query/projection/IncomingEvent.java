package org.rapporteur.query.projection;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.rapporteur.query.draft.RecordedEvent;
import org.rapporteur.shared.integrity.HashChain;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.shared.report.ParagraphEvent;
import org.rapporteur.shared.report.ReservationRecorded;
import org.rapporteur.shared.report.ReportEvent;

/**
 * A Kafka record read back as the event it carries. {@code event} is null when the record cannot
 * be read ({@code error} says why): such a record is parked, not dropped. {@code previousHash} and
 * {@code hash} are its link in the report's hash chain ({@code ce_previoushash}, {@code ce_hash});
 * null on a record published before the chain existed.
 */
record IncomingEvent(
    String reportId, long position, String eventId, String type, Instant timestamp, String payload,
    RecordedEvent event, String error, String previousHash, String hash) {

  static IncomingEvent from(ConsumerRecord<byte[], byte[]> record) {
    String reportId = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    byte[] value = record.value() == null ? new byte[0] : record.value();
    String payload = new String(value, StandardCharsets.UTF_8);
    String position = header(record, "ce_position");
    long pos;
    Instant timestamp;
    try {
      pos = Long.parseLong(position);
      timestamp = Instant.parse(header(record, "ce_time"));
    } catch (RuntimeException e) {
      return unreadable(reportId, parseOrZero(position), header(record, "ce_id"), header(record, "ce_type"), payload, e);
    }
    return read(reportId, pos, header(record, "ce_id"), header(record, "ce_type"), timestamp, payload,
        header(record, "ce_previoushash"), header(record, "ce_hash"), value);
  }

  /** A record kept in {@code q_parked}, read again when the report can go on. */
  static IncomingEvent read(String reportId, long position, String eventId, String type, Instant timestamp, String payload,
      String previousHash, String hash) {
    return read(reportId, position, eventId, type, timestamp, payload, previousHash, hash,
        payload.getBytes(StandardCharsets.UTF_8));
  }

  /** @param json the payload's bytes, parsed as they came rather than encoded again from the text */
  private static IncomingEvent read(String reportId, long position, String eventId, String type, Instant timestamp,
      String payload, String previousHash, String hash, byte[] json) {
    try {
      ReportEvent read = ReportEventJson.fromBytes(type, json);
      // A record that reads but lacks what every row needs would fail the whole batch, every time.
      if (read.reportId() == null || !read.reportId().value().equals(reportId)) {
        throw new IllegalArgumentException("the event's reportId does not match the record's key '" + reportId + "'");
      }
      if (read.actor() == null || read.actor().user() == null || read.actor().role() == null || eventId == null) {
        throw new IllegalArgumentException("the event lacks its actor or id");
      }
      if (eventId.length() > 64 || type.length() > 64
          || read.actor().user().length() > 255
          || (read.actor().entity() != null && read.actor().entity().length() > 64)) {
        throw new IllegalArgumentException("the event's id, type or actor is longer than the audit trail holds");
      }
      RecordedEvent event = new RecordedEvent(position, eventId, timestamp, read);
      if ((hash == null) != (previousHash == null) || (hash != null && (hash.length() > 64 || previousHash.length() > 64))) {
        throw new IllegalArgumentException("the record's hash chain link is incomplete or not a SHA-256");
      }
      return new IncomingEvent(reportId, position, eventId, type, timestamp, payload, event, null, previousHash, hash);
    } catch (RuntimeException e) {
      return unreadable(reportId, position, eventId, type, payload, e);
    }
  }

  private static IncomingEvent unreadable(
      String reportId, long position, String eventId, String type, String payload, RuntimeException e) {
    return new IncomingEvent(reportId, position, eventId, type, Instant.now(), payload, null, String.valueOf(e.getMessage()),
        null, null);
  }

  /**
   * Whether the record's hash is the hash of what it carries after its own previous hash: a record
   * without a link (published before the chain) has nothing to check.
   */
  boolean hashMatchesContent() {
    return hash == null || hash.equals(
        HashChain.hash(previousHash, position, eventId, type, timestamp, event.event().actor(), payload));
  }

  /** The paragraph the event is about, for the audit trail's filter; a reservation on a paragraph is about it. */
  String paragraphId() {
    if (event != null && event.event() instanceof ParagraphEvent paragraphEvent) {
      return paragraphEvent.paragraphId().value();
    }
    if (event != null && event.event() instanceof ReservationRecorded reservation && reservation.paragraphId() != null) {
      return reservation.paragraphId().value();
    }
    return null;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static long parseOrZero(String value) {
    try {
      return Long.parseLong(value);
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
