package org.rapporteur.command.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.rapporteur.shared.report.ReportEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a report's events from the event store to Kafka again, each with its own id and position,
 * as API.md allows: consumers drop what they applied already and apply what they missed. The
 * reconciler uses it for holes the publisher left; admins use it after a refusal was fixed, or to
 * rebuild a lost topic from the store (README, Backup and restore).
 */
public class Republisher {

  private static final Logger log = LoggerFactory.getLogger(Republisher.class);

  /** What a republication sent. */
  public record Outcome(String reportId, long fromPosition, long toPosition, int events) {}

  /** The store holds no event of this report. */
  public static final class UnknownReport extends RuntimeException {
    UnknownReport(String reportId) {
      super("No report '" + reportId + "' exists.");
    }
  }

  private final EventStore eventStore;
  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final ReportTopic reportTopic;
  private final PublicationLedger ledger;
  private final TransactionTemplate transactions;

  public Republisher(EventStore eventStore, Producer<byte[], byte[]> producer, String topic, ReportTopic reportTopic,
      PublicationLedger ledger, TransactionTemplate transactions) {
    this.eventStore = eventStore;
    this.producer = producer;
    this.topic = topic;
    this.reportTopic = reportTopic;
    this.ledger = ledger;
    this.transactions = transactions;
  }

  /**
   * Sends the report's stored events from {@code fromPosition} on, waits for every
   * acknowledgement, then records the report as published that far.
   *
   * @throws UnknownReport when the store holds no event of the report at or after that position
   * @throws IllegalStateException when Kafka did not take every event; nothing is recorded
   */
  public Outcome republish(String reportId, long fromPosition) {
    reportTopic.ensure();
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    long last = fromPosition - 1;
    DomainEventStream stream = eventStore.readEvents(reportId, fromPosition - 1);
    while (stream.hasNext()) {
      DomainEventMessage<?> message = stream.next();
      last = message.getSequenceNumber() + 1;
      sends.add(producer.send(ReportEventRecords.toRecord(
          topic, (ReportEvent) message.getPayload(), message.getIdentifier(), last, message.getTimestamp(),
          message.getMetaData())));
    }
    if (sends.isEmpty()) {
      throw new UnknownReport(reportId);
    }
    producer.flush();
    for (Future<RecordMetadata> send : sends) {
      try {
        send.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("Kafka did not take every event of report " + reportId + ": " + e.getCause(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while republishing report " + reportId, e);
      }
    }
    long upTo = last;
    transactions.executeWithoutResult(tx -> {
      ledger.published(reportId, upTo);
      ledger.republished(reportId, upTo);
    });
    log.info("republished report {} positions {}..{}", reportId, fromPosition, upTo);
    return new Outcome(reportId, fromPosition, upTo, sends.size());
  }

  /** An admin's republication of every event of the report, recorded with who asked and how it ended. */
  public Outcome republishForAdmin(String reportId, String actorUser) {
    try {
      Outcome outcome = republish(reportId, 1);
      ledger.adminAction("REPUBLISH", reportId, actorUser,
          "republished positions " + outcome.fromPosition() + ".." + outcome.toPosition());
      return outcome;
    } catch (RuntimeException e) {
      ledger.adminAction("REPUBLISH", reportId, actorUser, "failed: " + e.getMessage());
      throw e;
    }
  }
}
