package org.rapporteur.command.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.eventhandling.SequenceNumber;
import org.rapporteur.shared.report.ReportEvent;

/**
 * Forwards every stored event to Kafka, in store order, from a tracking event processor whose
 * token lives in the same database as the events.
 *
 * <p>Commands never wait for Kafka: they succeed once the event is stored. This processor then
 * sends each batch and, before its token advances, waits for the broker to acknowledge every
 * record of the batch ({@code acks=all}). If Kafka is down the batch fails, the token stays, and
 * the processor retries with back-off: no event is skipped. A crash between the acknowledgement
 * and the token update sends a batch again; consumers drop those duplicates by position.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

  public static final String PROCESSING_GROUP = "kafka-publisher";
  private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

  private final Producer<byte[], byte[]> producer;
  private final String topic;

  public KafkaEventPublisher(Producer<byte[], byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  @EventHandler
  void on(
      ReportEvent event,
      @MessageIdentifier String eventId,
      @SequenceNumber Long sequenceNumber,
      @Timestamp Instant timestamp) {
    // The report stream's position is 1-based: the first event of a report is position 1.
    long position = sequenceNumber + 1;
    pendingSends().add(producer.send(ReportEventRecords.toRecord(topic, event, eventId, position, timestamp)));
  }

  /** One list of sends per batch, awaited once before the batch's token is stored. */
  private List<Future<RecordMetadata>> pendingSends() {
    UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
    return unitOfWork.getOrComputeResource(
        PENDING,
        key -> {
          List<Future<RecordMetadata>> sends = new ArrayList<>();
          unitOfWork.onPrepareCommit(u -> awaitAcknowledgements(sends));
          return sends;
        });
  }

  private void awaitAcknowledgements(List<Future<RecordMetadata>> sends) {
    producer.flush();
    for (Future<RecordMetadata> send : sends) {
      try {
        send.get();
      } catch (ExecutionException e) {
        throw new KafkaUnavailableException("Kafka did not acknowledge a report event; the batch will be retried", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
      }
    }
  }

  /** The broker did not take a batch; the processor retries it. */
  static final class KafkaUnavailableException extends RuntimeException {
    KafkaUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

}
