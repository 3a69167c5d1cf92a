package org.rapporteur.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * How callers prove who they are.
 *
 * @param mode {@code demo}: HTTP Basic with the built-in demo users (embedded default only);
 *     {@code jwt}: OAuth2 bearer tokens from the organisation's identity provider
 * @param demoPassword the demo users' password
 * @param roleClaim the JWT claim holding the role (SECRETARY, DELEGATE, CHAIR, AUDITOR, ADMIN)
 * @param entityClaim the JWT claim holding a delegate's entity code (ITU, WMO ...)
 * @param credentialCacheTtl how long verified Basic credentials are remembered, so a password hash
 *     is computed once per client rather than once per request
 * @param jwt a fixed signing key for jwt mode, instead of Spring Boot's {@code issuer-uri} /
 *     {@code jwk-set-uri} discovery
 * @param signIn how many failed demo-mode sign-ins a user or an address may make
 */
@ConfigurationProperties("rapporteur.identity")
public record IdentityProperties(
    String mode,
    String demoPassword,
    String roleClaim,
    String entityClaim,
    Duration credentialCacheTtl,
    Jwt jwt,
    SignIn signIn) {

  public IdentityProperties {
    if (mode == null || mode.isBlank()) {
      // Falling back to demo users would open a deployment that forgot the setting to anyone.
      throw new IllegalArgumentException(
          "rapporteur.identity.mode is not set: set it to 'jwt' (bearer tokens from the organisation's identity"
              + " provider) or 'demo' (the built-in demo users, for trying the product out)");
    }
    if (!"demo".equals(mode) && !"jwt".equals(mode)) {
      // A misspelt mode must not quietly fall back to one or the other.
      throw new IllegalArgumentException("rapporteur.identity.mode must be 'demo' or 'jwt', not '" + mode + "'");
    }
    demoPassword = demoPassword == null ? "demo" : demoPassword;
    roleClaim = roleClaim == null ? "role" : roleClaim;
    entityClaim = entityClaim == null ? "entity" : entityClaim;
    credentialCacheTtl = credentialCacheTtl == null ? Duration.ofMinutes(10) : credentialCacheTtl;
    jwt = jwt == null ? new Jwt(null, null, null) : jwt;
    signIn = signIn == null ? new SignIn(0, 0, null) : signIn;
  }

  boolean demo() {
    return "demo".equals(mode);
  }

  /**
   * Tokens checked against one RSA public key, with no network call: for an identity provider
   * whose key is distributed out of band, and for tests.
   *
   * @param publicKeyLocation a PEM file with the provider's RSA public key (X.509 SubjectPublicKeyInfo)
   * @param issuer the {@code iss} every token must carry
   * @param audience a value the token's {@code aud} must contain
   */
  public record Jwt(Resource publicKeyLocation, String issuer, String audience) {}

  /**
   * Failed sign-ins allowed within a window; past them, 429 with {@code Retry-After} until the
   * window that began with the first failure has passed.
   *
   * @param maxFailuresPerUser failures of one user name, from anywhere (default 10)
   * @param maxFailuresPerAddress failures from one client address, whichever users (default 50)
   * @param window how long failures are counted, and refused attempts wait (default 15 minutes)
   */
  public record SignIn(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window) {

    public SignIn {
      maxFailuresPerUser = maxFailuresPerUser <= 0 ? 10 : maxFailuresPerUser;
      maxFailuresPerAddress = maxFailuresPerAddress <= 0 ? 50 : maxFailuresPerAddress;
      window = window == null ? Duration.ofMinutes(15) : window;
    }
  }
}
