package org.rapporteur.query.projection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.LoggerFactory;

/**
 * Read-your-writes: a query that asks for {@code minPosition} waits here until the projection
 * has applied that position of the report. The projector wakes waiters when it commits; a waiter
 * also re-reads the stored position now and then, for positions another query-side instance of
 * the consumer group applied.
 */
public class ProjectionPositions {

  private static final long RECHECK_NANOS = Duration.ofMillis(250).toNanos();
  /** Positions of the reports projected or asked for most lately; any other is read from the store. */
  static final int MAX_REPORTS = 10_000;

  private final Cache<String, Long> cache = Caffeine.newBuilder().maximumSize(MAX_REPORTS).executor(Runnable::run).build();
  private final Map<String, Long> applied = cache.asMap();
  private final Object signal = new Object();
  private final List<Consumer<Map<String, Long>>> listeners = new CopyOnWriteArrayList<>();

  /** Called by the projector after a commit. */
  void advanced(Map<String, Long> positions) {
    positions.forEach((report, position) -> applied.merge(report, position, Math::max));
    synchronized (signal) {
      signal.notifyAll();
    }
    for (Consumer<Map<String, Long>> listener : listeners) {
      try {
        listener.accept(positions);
      } catch (RuntimeException e) {
        // A listener's failure must never fail the projector's commit, which is already done.
        LoggerFactory.getLogger(ProjectionPositions.class).warn("a position listener failed", e);
      }
    }
  }

  /**
   * Tells {@code listener} the positions of every commit of this instance's projector, on the
   * projector's thread: the listener must hand them on, not block.
   */
  public void onAdvance(Consumer<Map<String, Long>> listener) {
    listeners.add(listener);
  }

  /** How many reports' positions are held in memory: never more than {@link #MAX_REPORTS}. */
  long tracked() {
    cache.cleanUp();
    return cache.estimatedSize();
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
