package org.rapporteur.identity;

import java.util.Locale;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a validated JWT into the caller's {@link Actor}: user from {@code sub} (or
 * {@code preferred_username}), role and entity from configurable claims. A token without a known
 * role is refused rather than given a default one.
 */
final class JwtActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  private final String roleClaim;
  private final String entityClaim;

  JwtActorConverter(String roleClaim, String entityClaim) {
    this.roleClaim = roleClaim;
    this.entityClaim = entityClaim;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String user = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
    String roleName = jwt.getClaimAsString(roleClaim);
    if (user == null || roleName == null) {
      throw new BadCredentialsException("the token names no user or no role (claim '" + roleClaim + "')");
    }
    Role role;
    try {
      role = Role.valueOf(roleName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadCredentialsException("unknown role '" + roleName + "'");
    }
    String entity = jwt.getClaimAsString(entityClaim);
    Actor actor = new Actor(user, role, entity == null ? null : entity.toUpperCase(Locale.ROOT));
    AbstractAuthenticationToken token =
        (AbstractAuthenticationToken) CachingBasicAuthenticationProvider.authenticated(actor);
    return token;
  }
}
