package org.rapporteur.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.rapporteur.shared.report.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The end of an OpenID Connect sign-in: the ID token's claims become the same {@link
 * RapporteurPrincipal} a bearer token with those claims would (role and entity from the configured
 * claims), and only that is kept in the session. The rest of the code never learns how the user
 * signed in, and the session holds no provider object for the other side to read (docs/adr/0012).
 */
final class OidcSignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

  private final JwtActorConverter claims;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  OidcSignIn(JwtActorConverter claims) {
    this.claims = claims;
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    Actor actor;
    try {
      actor = claims.actor(((OidcUser) authentication.getPrincipal()).getClaims());
    } catch (AuthenticationException e) {
      // Signed in at the provider, but with no role here: no session is kept.
      SecurityContextHolder.clearContext();
      request.getSession().invalidate();
      response.sendRedirect(request.getContextPath() + "/sign-in?error=no-role");
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(CachingBasicAuthenticationProvider.authenticated(actor));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    response.sendRedirect(request.getContextPath() + "/app");
  }

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    response.sendRedirect(request.getContextPath() + "/sign-in?error=provider");
  }
}
