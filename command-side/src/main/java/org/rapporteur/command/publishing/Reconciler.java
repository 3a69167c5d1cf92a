package org.rapporteur.command.publishing;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares, per report, the store's highest position with the position published without a hole,
 * and republishes what the publisher will never send: an event its token passed without seeing
 * (a transaction that committed after the gap timeout), or one behind a hole. A report is
 * republished only when the publisher's token already covers the first missing event and the
 * report made no progress since the previous comparison, so normal publishing lag costs nothing.
 * Republishes only on the instance whose publisher holds the token; every instance compares, for
 * health.
 */
public class Reconciler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

  private final PublicationLedger ledger;
  private final Republisher republisher;
  private final EventProcessingConfiguration processors;
  private final JdbcTemplate jdbc;
  private final Duration interval;
  private ScheduledExecutorService executor;
  private volatile Map<String, PublicationLedger.Behind> previous = Map.of();
  private volatile long republished;

  public Reconciler(PublicationLedger ledger, Republisher republisher, EventProcessingConfiguration processors,
      JdbcTemplate jdbc, Duration interval) {
    this.ledger = ledger;
    this.republisher = republisher;
    this.processors = processors;
    this.jdbc = jdbc;
    this.interval = interval;
  }

  /** The reports found behind by the last comparison, and not republished by it. */
  public List<PublicationLedger.Behind> lastComparison() {
    return previous.values().stream().sorted(Comparator.comparing(PublicationLedger.Behind::reportId)).toList();
  }

  /** Reports republished by reconciliation since start. */
  public long republished() {
    return republished;
  }

  /** One comparison; public so tests and operators need not wait for the schedule. */
  public synchronized void reconcile() {
    Optional<TrackingToken> token = publisherToken();
    Set<String> refused = ledger.unpublishable().stream()
        .map(PublicationLedger.Unpublishable::reportId).collect(Collectors.toSet());
    Map<String, PublicationLedger.Behind> behind = new HashMap<>();
    for (PublicationLedger.Behind report : ledger.behind()) {
      behind.put(report.reportId(), report);
      boolean stalled = report.equals(previous.get(report.reportId()));
      if (!stalled || token.isEmpty() || refused.contains(report.reportId()) || !passed(token.get(), report)) {
        continue;
      }
      try {
        log.warn("report {} is stored up to position {} but published only up to {}; republishing",
            report.reportId(), report.stored(), report.published());
        republisher.republish(report.reportId(), report.published() + 1);
        republished++;
        behind.remove(report.reportId());
      } catch (RuntimeException e) {
        log.warn("cannot republish report {} yet", report.reportId(), e);
      }
    }
    previous = Map.copyOf(behind);
  }

  /** Whether the publisher's token went past the report's first unpublished event. */
  private boolean passed(TrackingToken token, PublicationLedger.Behind report) {
    List<Long> index = jdbc.queryForList(
        "SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
        Long.class, report.reportId(), report.published());
    if (index.isEmpty()) {
      return false;
    }
    TrackingToken lower = WrappedToken.unwrapLowerBound(token);
    return lower instanceof GapAwareTrackingToken gapAware
        && gapAware.getIndex() >= index.get(0)
        && !gapAware.getGaps().contains(index.get(0));
  }

  private Optional<TrackingToken> publisherToken() {
    return processors.eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, TrackingEventProcessor.class)
        .flatMap(processor -> processor.processingStatus().values().stream().findFirst())
        .map(EventTrackerStatus::getTrackingToken);
  }

  @Override
  public synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "publication-reconciler");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(() -> {
      try {
        reconcile();
      } catch (RuntimeException e) {
        log.warn("reconciliation failed; next try in {}", interval, e);
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
