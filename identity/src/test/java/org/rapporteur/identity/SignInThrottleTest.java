package org.rapporteur.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private final AtomicLong now = new AtomicLong();
  private final SignInThrottle throttle =
      new SignInThrottle(new IdentityProperties.SignIn(3, 5, Duration.ofMinutes(15)), now::get);

  @Test
  void aUserIsRefusedAfterItsLimitFromAnyAddressUntilTheWindowHasPassed() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.refusal("chair", "10.0.0." + i)).isEmpty();
      throttle.failed("chair", "10.0.0." + i);
    }
    now.addAndGet(Duration.ofMinutes(5).toNanos());

    assertThat(throttle.refusal("chair", "10.9.9.9")).contains(Duration.ofMinutes(10));
    assertThat(throttle.refusal("itu", "10.9.9.9")).isEmpty();
    now.addAndGet(Duration.ofMinutes(10).toNanos());
    assertThat(throttle.refusal("chair", "10.9.9.9")).isEmpty();
  }

  @Test
  void anAddressIsRefusedAfterItsLimitWhicheverUsersItTried() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("user-" + i, "10.0.0.1");
    }

    assertThat(throttle.refusal("secretary", "10.0.0.1")).isPresent();
    assertThat(throttle.refusal("secretary", "10.0.0.2")).isEmpty();
  }

  @Test
  void aSuccessForgivesTheUsersFailuresButNotTheAddresses() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("chair", "10.0.0.1");
    }
    throttle.succeeded("chair");
    for (int i = 0; i < 2; i++) {
      throttle.failed("auditor", "10.0.0.1");
    }

    assertThat(throttle.refusal("chair", "10.0.0.2")).isEmpty();
    assertThat(throttle.refusal("chair", "10.0.0.1")).isPresent();
  }

  @Test
  void veryLongUserNamesShareOneBoundedKey() {
    String prefix = "x".repeat(100);
    for (int i = 0; i < 3; i++) {
      throttle.failed(prefix + "-attempt-" + i, "10.0.0." + i);
    }

    assertThat(throttle.refusal(prefix + "-another", "10.9.9.9")).isPresent();
  }
}
