package org.rapporteur.query.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rapporteur.query.projection.ProjectionPositions;
import org.rapporteur.query.projection.ProjectionStore;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.Identifiers;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/reports/{r}/events}: server-sent events that say a report's projection moved to
 * a new position, driven by the projector's commits. Each event's id is the position, so a client
 * that reconnects with {@code Last-Event-ID} is told at once of any position it missed; it then
 * reads the draft (or the audit trail {@code afterPosition}) at that position and misses nothing.
 * A heartbeat keeps idle connections open through proxies and also catches positions committed by
 * another query-side instance of the consumer group.
 */
@RestController
class ReportEventStream {

  private static final Duration HEARTBEAT = Duration.ofSeconds(15);
  private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

  private final ProjectionStore store;
  private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
  // One thread sends every event: the projector only hands positions over, and is never held up
  // by a slow client.
  private final ScheduledExecutorService sender =
      Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "report-event-stream");
        thread.setDaemon(true);
        return thread;
      });

  ReportEventStream(ProjectionStore store, ProjectionPositions positions) {
    this.store = store;
    positions.onAdvance(advanced -> sender.execute(() -> advanced.forEach(this::publish)));
    sender.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Operation(operationId = "streamReportPositions", summary = "Follow a report's projected positions as server-sent events")
  @GetMapping(value = "/api/reports/{reportId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(
      @PathVariable String reportId,
      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
      Actor actor) {
    int generation = store.activeGeneration();
    if (!Identifiers.isValid(reportId)
        || !Visibility.sees(store, actor, generation, reportId)
        || store.position(generation, reportId) == 0) {
      throw new QueryProblems.UnknownReport(reportId);
    }
    SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
    Subscriber subscriber = new Subscriber(reportId, actor, emitter, lastSeen(lastEventId));
    Set<Subscriber> ofReport = subscribers.computeIfAbsent(reportId, r -> ConcurrentHashMap.newKeySet());
    ofReport.add(subscriber);
    Runnable remove = () -> ofReport.remove(subscriber);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    sender.execute(() -> catchUp(subscriber));
    return emitter;
  }

  /** The position the client saw last, or -1 when it saw none: then it is told the current one. */
  private static long lastSeen(String lastEventId) {
    try {
      return lastEventId == null ? -1 : Long.parseLong(lastEventId.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void publish(String reportId, long position) {
    for (Subscriber subscriber : subscribers.getOrDefault(reportId, Set.of())) {
      send(subscriber, position);
    }
  }

  private void catchUp(Subscriber subscriber) {
    send(subscriber, store.position(store.activeGeneration(), subscriber.reportId));
  }

  private void heartbeat() {
    subscribers.values().forEach(ofReport -> ofReport.forEach(subscriber -> {
      try {
        subscriber.emitter.send(SseEmitter.event().comment("heartbeat"));
        catchUp(subscriber);
      } catch (IOException | IllegalStateException e) {
        subscriber.emitter.completeWithError(e);
      }
    }));
  }

  private void send(Subscriber subscriber, long position) {
    if (position <= subscriber.lastSent) {
      return;
    }
    // A delegate whose entity stopped being a member loses the stream with the next position.
    if (!Visibility.sees(store, subscriber.actor, store.activeGeneration(), subscriber.reportId)) {
      subscriber.emitter.complete();
      return;
    }
    try {
      subscriber.emitter.send(SseEmitter.event()
          .id(Long.toString(position))
          .name("position")
          .data(Map.of("reportId", subscriber.reportId, "position", position), MediaType.APPLICATION_JSON));
      subscriber.lastSent = position;
    } catch (IOException | IllegalStateException e) {
      subscriber.emitter.completeWithError(e);
    }
  }

  /** A client that went away while an event was sent: nothing to answer, and nothing to log. */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void clientGone() {}

  @PreDestroy
  void stop() {
    sender.shutdownNow();
    subscribers.values().forEach(ofReport -> ofReport.forEach(subscriber -> subscriber.emitter.complete()));
  }

  /** One open stream; only the sender thread reads and writes {@code lastSent}. */
  private static final class Subscriber {
    final String reportId;
    final Actor actor;
    final SseEmitter emitter;
    long lastSent;

    Subscriber(String reportId, Actor actor, SseEmitter emitter, long lastSent) {
      this.reportId = reportId;
      this.actor = actor;
      this.emitter = emitter;
      this.lastSent = lastSent;
    }
  }
}
