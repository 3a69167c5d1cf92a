package org.rapporteur.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rapporteur.shared.report.Actor;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks HTTP Basic credentials against BCrypt hashes, and remembers credentials it has verified.
 *
 * <p>BCrypt costs tens of milliseconds of CPU by design; paid on every request it alone would cap
 * a two-core machine at a few dozen requests a second. A verified pair is remembered under the
 * SHA-256 of user and password (never the password itself) for a bounded time, so each client pays
 * the hash once. A wrong password is never cached and always pays the full hash; the cache holds at
 * most one entry per valid user and password, so it cannot be filled from outside.
 *
 * <p>Failed sign-ins are counted per user and per client address ({@link SignInThrottle}); a user or
 * an address over its limit is refused before any hash is computed, except with a credential
 * verified before the attack began, so that guessing a user's password does not lock its clients out.
 */
final class CachingBasicAuthenticationProvider implements AuthenticationProvider {

  private final Map<String, Account> accounts;
  private final PasswordEncoder encoder;
  private final Cache<String, Actor> verified;
  private final String unknownUserHash;
  private final SignInThrottle throttle;

  CachingBasicAuthenticationProvider(
      List<Actor> users, String password, PasswordEncoder encoder, Duration ttl, SignInThrottle throttle) {
    this.encoder = encoder;
    this.throttle = throttle;
    String hash = encoder.encode(password);
    this.unknownUserHash = hash;
    this.accounts =
        users.stream()
            .collect(Collectors.toUnmodifiableMap(Actor::user, actor -> new Account(actor, hash)));
    this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    String password = String.valueOf(authentication.getCredentials());
    String key = digest(user + '\u0000' + password);
    Actor actor = verified.getIfPresent(key);
    if (actor == null) {
      String address = address(authentication);
      throttle.refusal(user, address).ifPresent(wait -> {
        throw new SignInThrottledException(wait);
      });
      Account account = accounts.get(user);
      // An unknown user pays the same hash as a known one, so timing does not tell which users exist.
      boolean matches = encoder.matches(password, account == null ? unknownUserHash : account.passwordHash());
      if (account == null || !matches) {
        throttle.failed(user, address);
        throw new BadCredentialsException("unknown user or wrong password");
      }
      throttle.succeeded(user);
      actor = account.actor();
      verified.put(key, actor);
    }
    return authenticated(actor);
  }

  /** The client's address as the servlet container saw it (behind a trusted proxy: the forwarded one). */
  private static String address(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
        ? details.getRemoteAddress()
        : "unknown";
  }

  static Authentication authenticated(Actor actor) {
    return UsernamePasswordAuthenticationToken.authenticated(
        new RapporteurPrincipal(actor), null, List.of(new SimpleGrantedAuthority("ROLE_" + actor.role())));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private static String digest(String value) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private record Account(Actor actor, String passwordHash) {}

}
