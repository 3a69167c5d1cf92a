package org.rapporteur.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
 */
@ConfigurationProperties("rapporteur.identity")
public record IdentityProperties(
    String mode, String demoPassword, String roleClaim, String entityClaim, Duration credentialCacheTtl) {

  public IdentityProperties {
    mode = mode == null ? "demo" : mode;
    demoPassword = demoPassword == null ? "demo" : demoPassword;
    roleClaim = roleClaim == null ? "role" : roleClaim;
    entityClaim = entityClaim == null ? "entity" : entityClaim;
    credentialCacheTtl = credentialCacheTtl == null ? Duration.ofMinutes(10) : credentialCacheTtl;
  }

  boolean demo() {
    return "demo".equals(mode);
  }
}
