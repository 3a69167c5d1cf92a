package org.rapporteur.testing.load;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes: tests wait for states, never for time. */
public final class Waits {

  private Waits() {}

  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    if (!within(timeout, condition)) {
      throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
    }
  }

  /** Whether the condition held before the timeout. */
  public static boolean within(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      // Between two polls of the condition, not instead of one.
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }
}
