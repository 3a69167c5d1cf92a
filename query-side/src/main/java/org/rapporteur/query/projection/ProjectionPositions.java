package org.rapporteur.query.projection;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Read-your-writes: a query that asks for {@code minPosition} waits here until the projection
 * has applied that position of the report. The projector wakes waiters when it commits; a waiter
 * also re-reads the stored position now and then, for positions another query-side instance of
 * the consumer group applied.
 */
public class ProjectionPositions {

  private static final long RECHECK_NANOS = Duration.ofMillis(250).toNanos();

  private final Map<String, Long> applied = new ConcurrentHashMap<>();
  private final Object signal = new Object();

  /** Called by the projector after a commit. */
  void advanced(Map<String, Long> positions) {
    positions.forEach((report, position) -> applied.merge(report, position, Math::max));
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /**
   * Waits until the report's applied position is at least {@code position}.
   *
   * @param stored reads the position the database holds
   * @return whether it was reached within {@code timeout}
   */
  public boolean await(String reportId, long position, Duration timeout, LongSupplier stored)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextRecheck = 0;
    while (true) {
      long now = System.nanoTime();
      if (applied.getOrDefault(reportId, 0L) >= position) {
        return true;
      }
      if (now >= nextRecheck) {
        long fromStore = stored.getAsLong();
        applied.merge(reportId, fromStore, Math::max);
        if (fromStore >= position) {
          return true;
        }
        nextRecheck = now + RECHECK_NANOS;
      }
      long remaining = deadline - now;
      if (remaining <= 0) {
        return false;
      }
      synchronized (signal) {
        long waitNanos = Math.min(remaining, nextRecheck - now);
        if (applied.getOrDefault(reportId, 0L) < position && waitNanos > 0) {
          signal.wait(Math.max(1, waitNanos / 1_000_000));
        }
      }
    }
  }
}
