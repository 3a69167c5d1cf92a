package org.rapporteur.command.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.messaging.MetaData;
import org.rapporteur.command.eventstore.StoredEvent;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.ReportEvent;

/**
 * A stored event as a Kafka record: key = report id, value = the event's JSON, headers in the
 * CloudEvents 1.0 Kafka binding (binary mode) plus the position, the actor and the event's link in
 * its report's hash chain ({@code ce_hash}, {@code ce_previoushash}; absent only for an event
 * stored before the chain existed and not chained since). An act that fixed text also carries its
 * signed checkpoint ({@code ce_checkpointkeyid}, {@code ce_checkpointsignature}; ADR 0010), which
 * signs this record's {@code ce_source} report, {@code ce_position} and {@code ce_hash}.
 */
final class ReportEventRecords {

  private ReportEventRecords() {}

  static ProducerRecord<byte[], byte[]> toRecord(
      String topic, ReportEvent event, String eventId, long position, Instant timestamp, MetaData metaData) {
    return toRecord(topic, event.reportId().value(), event.type(), event.actor(), ReportEventJson.toBytes(event),
        eventId, position, timestamp, metaData);
  }

  /** The same from the event's JSON as the store holds it, {@code type} its type name. */
  static ProducerRecord<byte[], byte[]> toRecord(
      String topic, String reportId, String type, Actor actor, byte[] json, String eventId, long position,
      Instant timestamp, MetaData metaData) {
    RecordHeaders headers = new RecordHeaders();
    header(headers, "ce_specversion", "1.0");
    header(headers, "ce_id", eventId);
    header(headers, "ce_type", type);
    header(headers, "ce_source", "/reports/" + reportId);
    header(headers, "ce_time", timestamp.toString());
    header(headers, "content-type", "application/json");
    header(headers, "ce_position", Long.toString(position));
    header(headers, "ce_actoruser", actor.user());
    header(headers, "ce_actorrole", actor.role().name());
    if (actor.entity() != null) {
      header(headers, "ce_actorentity", actor.entity());
    }
    if (metaData.get(StoredEvent.HASH) instanceof String hash
        && metaData.get(StoredEvent.PREVIOUS_HASH) instanceof String previousHash) {
      header(headers, "ce_hash", hash);
      header(headers, "ce_previoushash", previousHash);
    }
    if (metaData.get(StoredEvent.CHECKPOINT_SIGNATURE) instanceof String signature
        && metaData.get(StoredEvent.CHECKPOINT_KEY_ID) instanceof String keyId) {
      header(headers, "ce_checkpointkeyid", keyId);
      header(headers, "ce_checkpointsignature", signature);
    }
    return new ProducerRecord<>(topic, null, reportId.getBytes(StandardCharsets.UTF_8), json, headers);
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
