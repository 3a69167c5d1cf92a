package org.rapporteur.identity;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/**
 * Too many failed sign-ins of this user or from this address: answered 429 with
 * {@code Retry-After}. A {@link LockedException}, so that Spring's provider manager reports it as is
 * rather than asking another provider and reporting that one's failure instead.
 */
final class SignInThrottledException extends LockedException {

  private final Duration retryAfter;

  SignInThrottledException(Duration retryAfter) {
    super("too many failed sign-ins");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds, rounded up, at least one. */
  long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
