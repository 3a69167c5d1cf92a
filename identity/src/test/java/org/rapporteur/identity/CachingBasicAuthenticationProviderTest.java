package org.rapporteur.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.report.Actor;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class CachingBasicAuthenticationProviderTest {

  private final CountingEncoder encoder = new CountingEncoder(new BCryptPasswordEncoder(4));
  private final CachingBasicAuthenticationProvider provider =
      new CachingBasicAuthenticationProvider(DemoUsers.ALL, "demo", encoder, Duration.ofMinutes(10), throttle());

  @Test
  void secondRequestWithTheSameCredentialsDoesNotPayTheHashAgain() {
    Actor first = actorOf(provider.authenticate(basic("chair", "demo")));
    Actor second = actorOf(provider.authenticate(basic("chair", "demo")));

    assertThat(encoder.matches.get()).isEqualTo(1);
    assertThat(second).isEqualTo(first);
    assertThat(second.user()).isEqualTo("chair");
  }

  @Test
  void wrongPasswordIsNeverCachedAndPaysTheHashEveryTime() {
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThatThrownBy(() -> provider.authenticate(basic("chair", "guess"))).isInstanceOf(BadCredentialsException.class);
      assertThat(encoder.matches.get()).isEqualTo(attempt);
    }
  }

  @Test
  void unknownUserPaysTheHashLikeAKnownOne() {
    assertThatThrownBy(() -> provider.authenticate(basic("nobody", "demo"))).isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> provider.authenticate(basic("nobody", "demo"))).isInstanceOf(BadCredentialsException.class);

    assertThat(encoder.matches.get()).isEqualTo(2);
  }

  @Test
  void rightPasswordOfAnotherUserDoesNotReuseACachedEntry() {
    provider.authenticate(basic("chair", "demo"));
    Actor itu = actorOf(provider.authenticate(basic("itu", "demo")));

    assertThat(itu.entity()).isEqualTo("ITU");
    assertThat(encoder.matches.get()).isEqualTo(2);
  }

  @Test
  void expiredEntryIsVerifiedAgain() {
    CachingBasicAuthenticationProvider shortLived =
        new CachingBasicAuthenticationProvider(DemoUsers.ALL, "demo", encoder, Duration.ZERO, throttle());
    shortLived.authenticate(basic("chair", "demo"));
    shortLived.authenticate(basic("chair", "demo"));

    assertThat(encoder.matches.get()).isEqualTo(2);
  }

  @Test
  void aThrottledUserIsRefusedWithoutPayingTheHashEvenWithTheRightPassword() {
    CachingBasicAuthenticationProvider strict = strictProvider();
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> strict.authenticate(basic("chair", "guess"))).isInstanceOf(BadCredentialsException.class);
    }
    int paid = encoder.matches.get();

    assertThatThrownBy(() -> strict.authenticate(basic("chair", "demo")))
        .isInstanceOfSatisfying(SignInThrottledException.class, e -> assertThat(e.retryAfterSeconds()).isPositive());
    assertThat(encoder.matches.get()).isEqualTo(paid);
  }

  @Test
  void aCredentialVerifiedBeforeTheGuessingBeganStillSignsIn() {
    CachingBasicAuthenticationProvider strict = strictProvider();
    strict.authenticate(basic("chair", "demo"));
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> strict.authenticate(basic("chair", "guess"))).isInstanceOf(BadCredentialsException.class);
    }

    assertThat(actorOf(strict.authenticate(basic("chair", "demo"))).user()).isEqualTo("chair");
  }

  private CachingBasicAuthenticationProvider strictProvider() {
    return new CachingBasicAuthenticationProvider(
        DemoUsers.ALL, "demo", encoder, Duration.ofMinutes(10),
        new SignInThrottle(new IdentityProperties.SignIn(2, 100, Duration.ofMinutes(15)), System::nanoTime));
  }

  private static SignInThrottle throttle() {
    return new SignInThrottle(new IdentityProperties.SignIn(0, 0, null), System::nanoTime);
  }

  private static UsernamePasswordAuthenticationToken basic(String user, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
  }

  private static Actor actorOf(org.springframework.security.core.Authentication authentication) {
    return ((RapporteurPrincipal) authentication.getPrincipal()).actor();
  }

  /** The real encoder, counting how often a password is checked against a hash. */
  private static final class CountingEncoder implements PasswordEncoder {
    final AtomicInteger matches = new AtomicInteger();
    private final PasswordEncoder delegate;

    CountingEncoder(PasswordEncoder delegate) {
      this.delegate = delegate;
    }

    @Override
    public String encode(CharSequence raw) {
      return delegate.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      matches.incrementAndGet();
      return delegate.matches(raw, encoded);
    }
  }
}
