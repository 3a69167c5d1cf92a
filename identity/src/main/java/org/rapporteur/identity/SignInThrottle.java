package org.rapporteur.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Counts failed sign-ins per user name and per client address, and refuses further attempts of a
 * user or an address that failed too often within the window, until the window has passed: a
 * password cannot be guessed faster than that, and refused attempts cost no password hash.
 *
 * <p>Memory is bounded: at most {@link #MAX_TRACKED} user names and as many addresses are tracked
 * (the least used are forgotten first), and a user name is kept to its first 100 characters.
 */
final class SignInThrottle {

  static final int MAX_TRACKED = 10_000;
  private static final int MAX_NAME_LENGTH = 100;

  private final int maxPerUser;
  private final int maxPerAddress;
  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final Cache<String, Failures> byUser;
  private final Cache<String, Failures> byAddress;

  SignInThrottle(IdentityProperties.SignIn limits, LongSupplier nanoTime) {
    this.maxPerUser = limits.maxFailuresPerUser();
    this.maxPerAddress = limits.maxFailuresPerAddress();
    this.windowNanos = limits.window().toNanos();
    this.nanoTime = nanoTime;
    this.byUser = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterWrite(limits.window()).build();
    this.byAddress = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterWrite(limits.window()).build();
  }

  /** How long the user or the address must wait before trying again, if it must. */
  Optional<Duration> refusal(String user, String address) {
    long now = nanoTime.getAsLong();
    long wait = Math.max(waitNanos(byUser.getIfPresent(key(user)), maxPerUser, now),
        waitNanos(byAddress.getIfPresent(address), maxPerAddress, now));
    return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
  }

  void failed(String user, String address) {
    long now = nanoTime.getAsLong();
    byUser.asMap().compute(key(user), (k, failures) -> next(failures, now));
    byAddress.asMap().compute(address, (k, failures) -> next(failures, now));
  }

  /** The user proved its password: its earlier mistakes are forgiven, not those of its address. */
  void succeeded(String user) {
    byUser.invalidate(key(user));
  }

  private long waitNanos(Failures failures, int max, long now) {
    if (failures == null || failures.count() < max) {
      return 0;
    }
    return failures.since() + windowNanos - now;
  }

  private Failures next(Failures failures, long now) {
    if (failures == null || now - failures.since() >= windowNanos) {
      return new Failures(now, 1);
    }
    return new Failures(failures.since(), failures.count() + 1);
  }

  private static String key(String user) {
    return user.length() <= MAX_NAME_LENGTH ? user : user.substring(0, MAX_NAME_LENGTH);
  }

  /** Failures counted since the window opened at {@code since} (nanoTime). */
  private record Failures(long since, int count) {}
}
