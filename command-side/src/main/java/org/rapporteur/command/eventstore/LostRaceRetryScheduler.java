package org.rapporteur.command.eventstore;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Sends a command again when it lost a race with another command-side instance: its events were
 * refused because the other node appended the same report sequence first. The command is handled
 * again from scratch, on the report as it now stands, so its rules are checked anew. Nothing else
 * is retried: a rule violation, a duplicate report id ({@link AggregateStreamCreationException})
 * and any other failure are answered at once.
 *
 * <p>Axon's caching repository evicts a report from its cache when the unit of work rolls back,
 * so the retry loads the winner's events rather than the stale state that lost.
 */
public final class LostRaceRetryScheduler implements RetryScheduler {

  private final RetryScheduler interval;
  private final AtomicLong retries = new AtomicLong();

  LostRaceRetryScheduler(ScheduledExecutorService executor, int maxRetries, int intervalMillis) {
    this.interval =
        IntervalRetryScheduler.builder()
            .retryExecutor(executor)
            .maxRetryCount(maxRetries)
            .retryInterval(intervalMillis)
            .build();
  }

  @Override
  public boolean scheduleRetry(
      CommandMessage commandMessage,
      RuntimeException lastFailure,
      List<Class<? extends Throwable>[]> failures,
      Runnable commandDispatch) {
    if (!lostRace(lastFailure)) {
      return false;
    }
    boolean scheduled = interval.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
    if (scheduled) {
      retries.incrementAndGet();
    }
    return scheduled;
  }

  /** How many commands were sent again since start: a figure for tests and operators. */
  public long retries() {
    return retries.get();
  }

  static boolean lostRace(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof AggregateStreamCreationException) {
        return false;
      }
      if (t instanceof ConcurrencyException) {
        return true;
      }
    }
    return false;
  }
}
