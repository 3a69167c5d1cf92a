package org.rapporteur.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting for a condition that nothing signals, checking it every 50 ms until a deadline. */
public final class Await {

  private Await() {}

  /** @throws AssertionError naming {@code what} when the condition does not hold within {@code patience} */
  public static void until(String what, Duration patience, BooleanSupplier condition) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + patience + " waiting for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }
}
