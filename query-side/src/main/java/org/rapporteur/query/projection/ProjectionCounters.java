package org.rapporteur.query.projection;

import java.util.concurrent.atomic.AtomicLong;

/** What the projections count for monitoring, across generations, since this instance started. */
public final class ProjectionCounters {

  private final AtomicLong conflicts = new AtomicLong();

  /** Records that carried another event at a position already applied: forks of the log. */
  public long conflicts() {
    return conflicts.get();
  }

  void conflicted(int count) {
    conflicts.addAndGet(count);
  }
}
