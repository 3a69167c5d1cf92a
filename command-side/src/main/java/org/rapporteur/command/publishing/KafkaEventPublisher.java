package org.rapporteur.command.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.shared.report.ReportEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards every stored event to Kafka, in store order, from a tracking event processor whose
 * token lives in the same database as the events.
 *
 * <p>Commands never wait for Kafka: they succeed once the event is stored. This processor then
 * sends each batch and, before its token advances, waits for the broker to acknowledge every
 * record of the batch ({@code acks=all}). If Kafka is down the batch fails, the token stays, and
 * the processor retries with back-off: no event is skipped. A crash between the acknowledgement
 * and the token update sends a batch again; consumers drop those duplicates by position.
 *
 * <p>With the token, in the same transaction, each report's published position moves up as far as
 * its acknowledged positions follow each other without a hole; the {@link Reconciler} republishes
 * whatever a hole left behind. A record the broker refuses for good (larger than the topic takes)
 * cannot be retried into success: it is recorded as unpublishable and shown by health, and the
 * other reports go on; its own report is held by the query side at that position until an admin
 * republishes it.
 *
 * <p>Each record's value is the event's JSON as the store holds it (after upcasting), taken from
 * the stored message without reading it into an event and writing it out again; only its actor is
 * read, for the headers.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

  public static final String PROCESSING_GROUP = "kafka-publisher";
  private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);
  private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final ReportTopic reportTopic;
  private final PublicationLedger ledger;
  private final Serializer eventSerializer;
  private volatile String lastError;

  /** {@code eventSerializer} is the store's: with it a stored event's JSON is taken as it is. */
  public KafkaEventPublisher(
      Producer<byte[], byte[]> producer, String topic, ReportTopic reportTopic, PublicationLedger ledger,
      Serializer eventSerializer) {
    this.producer = producer;
    this.topic = topic;
    this.reportTopic = reportTopic;
    this.ledger = ledger;
    this.eventSerializer = eventSerializer;
  }

  /** Why the last batch failed, or null when the last batch went through. */
  public String lastError() {
    return lastError;
  }

  @EventHandler(payloadType = ReportEvent.class)
  void on(DomainEventMessage<?> message) {
    try {
      reportTopic.ensure(); // when Kafka was down at start, the topic is created or checked here
    } catch (RuntimeException e) {
      lastError = Instant.now() + " " + e.getMessage();
      throw e;
    }
    // The report stream's position is 1-based: the first event of a report is position 1.
    long position = message.getSequenceNumber() + 1;
    String reportId = message.getAggregateIdentifier(); // a report is the aggregate its events belong to
    byte[] json = message.serializePayload(eventSerializer, byte[].class).getData();
    // A payload's type name is its record's simple name (ReportEvent.type()).
    String type = message.getPayloadType().getSimpleName();
    pendingSends().add(new Send(reportId, position, message.getIdentifier(),
        producer.send(ReportEventRecords.toRecord(topic, reportId, type, ReportEventJson.actorOf(json), json,
            message.getIdentifier(), position, message.getTimestamp(), message.getMetaData()))));
  }

  private record Send(String reportId, long position, String eventId, Future<RecordMetadata> ack) {}

  /** One list of sends per batch, awaited once before the batch's token is stored. */
  private List<Send> pendingSends() {
    UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
    return unitOfWork.getOrComputeResource(
        PENDING,
        key -> {
          List<Send> sends = new ArrayList<>();
          unitOfWork.onPrepareCommit(u -> acknowledged(sends));
          return sends;
        });
  }

  private void acknowledged(List<Send> sends) {
    producer.flush();
    Map<String, List<Long>> acknowledged = new LinkedHashMap<>();
    for (Send send : sends) {
      try {
        send.ack().get();
        acknowledged.computeIfAbsent(send.reportId(), r -> new ArrayList<>()).add(send.position());
      } catch (ExecutionException e) {
        if (!refusedForGood(e.getCause())) {
          lastError = Instant.now() + " " + e.getCause();
          throw new KafkaUnavailableException("Kafka did not acknowledge a report event; the batch will be retried", e.getCause());
        }
        log.error("Kafka refused event {} of report {} at position {} for good; the report waits on Kafka until an"
            + " admin republishes it", send.eventId(), send.reportId(), send.position(), e.getCause());
        ledger.unpublishable(send.eventId(), send.reportId(), send.position(), String.valueOf(e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
      }
    }
    Map<String, Long> published = ledger.publishedPositions(List.copyOf(acknowledged.keySet()));
    Map<String, Long> moved = new LinkedHashMap<>();
    acknowledged.forEach((reportId, positions) -> {
      long before = published.getOrDefault(reportId, 0L);
      long after = before;
      for (long position : positions) { // in store order, hence in position order
        if (position == after + 1) {
          after = position;
        } else if (position > after + 1) {
          break; // a hole: the reconciler republishes from it
        }
      }
      if (after > before) {
        moved.put(reportId, after);
      }
    });
    if (!moved.isEmpty()) {
      ledger.published(moved);
    }
    lastError = null;
  }

  /** Refusals of this record that no retry can change; any other failure is Kafka's and is retried. */
  static boolean refusedForGood(Throwable cause) {
    return cause instanceof RecordTooLargeException
        || cause instanceof RecordBatchTooLargeException
        || cause instanceof InvalidRecordException;
  }

  /** The broker did not take a batch; the processor retries it. */
  static final class KafkaUnavailableException extends RuntimeException {
    KafkaUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
