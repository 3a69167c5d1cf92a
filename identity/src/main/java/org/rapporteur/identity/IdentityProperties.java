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
 */
@ConfigurationProperties("rapporteur.identity")
public record IdentityProperties(
    String mode, String demoPassword, String roleClaim, String entityClaim, Duration credentialCacheTtl, Jwt jwt) {

  public IdentityProperties {
    mode = mode == null ? "demo" : mode;
    if (!"demo".equals(mode) && !"jwt".equals(mode)) {
      // A misspelt mode must not quietly fall back to one or the other.
      throw new IllegalArgumentException("rapporteur.identity.mode must be 'demo' or 'jwt', not '" + mode + "'");
    }
    demoPassword = demoPassword == null ? "demo" : demoPassword;
    roleClaim = roleClaim == null ? "role" : roleClaim;
    entityClaim = entityClaim == null ? "entity" : entityClaim;
    credentialCacheTtl = credentialCacheTtl == null ? Duration.ofMinutes(10) : credentialCacheTtl;
    jwt = jwt == null ? new Jwt(null, null, null) : jwt;
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
}
