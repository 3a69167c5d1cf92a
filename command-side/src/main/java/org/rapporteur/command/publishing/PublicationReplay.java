package org.rapporteur.command.publishing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sends every stored event to Kafka again, in store order, by moving the publisher's token back to
 * the start of the store: how a topic lost with Kafka's data, or a new topic, is filled from the
 * event store (README, Backup and restore). Consumers drop the events they applied already.
 */
public class PublicationReplay {

  private static final Logger log = LoggerFactory.getLogger(PublicationReplay.class);

  /** What a replay will send. */
  public record Started(long events) {}

  private final EventProcessingConfiguration processors;
  private final PublicationLedger ledger;
  private final JdbcTemplate jdbc;

  public PublicationReplay(EventProcessingConfiguration processors, PublicationLedger ledger, JdbcTemplate jdbc) {
    this.processors = processors;
    this.ledger = ledger;
    this.jdbc = jdbc;
  }

  /**
   * Restarts the publisher from the start of the store and records who asked. The publisher must
   * run on this instance: with several command-side instances, send this to the one whose health
   * shows the publisher's token.
   */
  public synchronized Started replay(String actorUser) {
    TrackingEventProcessor publisher = processors
        .eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, TrackingEventProcessor.class)
        .orElseThrow(() -> new IllegalStateException("no publisher is configured"));
    long events = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    publisher.shutDown();
    try {
      publisher.resetTokens();
    } catch (RuntimeException e) {
      ledger.adminAction("REPLAY", "*", actorUser, "failed: " + e.getMessage());
      throw e;
    } finally {
      publisher.start();
    }
    ledger.adminAction("REPLAY", "*", actorUser, "publisher restarted from the start of the store: " + events + " events");
    log.info("admin {} restarted the publisher from the start of the store ({} events)", actorUser, events);
    return new Started(events);
  }
}
