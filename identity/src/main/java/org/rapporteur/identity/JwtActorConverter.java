package org.rapporteur.identity;

import java.util.Locale;
import java.util.Map;
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
    return (AbstractAuthenticationToken) CachingBasicAuthenticationProvider.authenticated(actor(jwt.getClaims()));
  }

  /**
   * The caller named by a token's claims: a bearer token's, or an ID token's at browser sign-in,
   * so that both ways of signing in give the same user the same role and entity.
   */
  Actor actor(Map<String, Object> claims) {
    Object user = claims.containsKey("preferred_username") ? claims.get("preferred_username") : claims.get("sub");
    Object roleName = claims.get(roleClaim);
    if (user == null || roleName == null) {
      throw new BadCredentialsException("the token names no user or no role (claim '" + roleClaim + "')");
    }
    Role role;
    try {
      role = Role.valueOf(roleName.toString().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadCredentialsException("unknown role '" + roleName + "'");
    }
    Object entity = claims.get(entityClaim);
    return new Actor(user.toString(), role, entity == null ? null : entity.toString().toUpperCase(Locale.ROOT));
  }
}
