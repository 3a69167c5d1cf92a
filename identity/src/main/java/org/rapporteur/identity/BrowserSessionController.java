package org.rapporteur.identity;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.rapporteur.shared.problem.ProblemType;
import org.rapporteur.shared.report.Actor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signs a browser in with a password and tells the web application who is signed in, and how one
 * may sign in (a password, or the identity providers of OpenID Connect sign-in). Sign-out is
 * Spring Security's logout filter ({@code POST /session/sign-out}).
 */
@RestController
// The web application's own sign-in, outside the API that integrators generate clients from.
@Hidden
class BrowserSessionController {

  private final BrowserSessionSecurity.BrowserSignIn signIn;
  private final List<Provider> providers = new ArrayList<>();
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  BrowserSessionController(
      BrowserSessionSecurity.BrowserSignIn signIn, IdentityProperties properties,
      ObjectProvider<ClientRegistrationRepository> registrations) {
    this.signIn = signIn;
    if (!properties.demo() && registrations.getIfAvailable() instanceof Iterable<?> configured) {
      for (Object registration : configured) {
        ClientRegistration client = (ClientRegistration) registration;
        providers.add(new Provider(client.getClientName(), "/oauth2/authorization/" + client.getRegistrationId()));
      }
    }
  }

  /** How one may sign in here: with a password (embedded default), or at these identity providers. */
  record Options(boolean password, List<Provider> providers) {}

  record Provider(String name, String url) {}

  @GetMapping(value = "/session/options", produces = MediaType.APPLICATION_JSON_VALUE)
  Options options() {
    return new Options(signIn.manager() != null, providers);
  }

  /** The signed-in user, as the screens need it to offer only what the role may do. */
  record SignedIn(String user, String role, String entity) {
    static SignedIn of(Actor actor) {
      return new SignedIn(actor.user(), actor.role().name(), actor.entity());
    }
  }

  record Credentials(String username, String password) {}

  @GetMapping(value = "/session", produces = MediaType.APPLICATION_JSON_VALUE)
  SignedIn current() {
    return SignedIn.of(ActorArgumentResolver.currentActor());
  }

  @PostMapping(value = "/session", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> signIn(@RequestBody Credentials credentials, HttpServletRequest request, HttpServletResponse response) {
    if (signIn.manager() == null) {
      return problem(ProblemType.SIGN_IN_UNAVAILABLE, "Sign in with the organisation's identity provider.");
    }
    if (credentials == null || credentials.username() == null || credentials.password() == null) {
      return problem(ProblemType.INVALID_FIELD, "Give a user name and a password.");
    }
    Authentication authentication;
    try {
      authentication =
          signIn.manager().authenticate(
              UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(), credentials.password()));
    } catch (SignInThrottledException e) {
      return ResponseEntity.status(ProblemType.TOO_MANY_SIGN_IN_FAILURES.status())
          .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(Problems.of(ProblemType.TOO_MANY_SIGN_IN_FAILURES,
              "Too many failed sign-ins for this user or from this address; try again after Retry-After seconds."));
    } catch (AuthenticationException e) {
      return problem(ProblemType.UNAUTHENTICATED, "The user name or the password is not right.");
    }
    // A new session id at sign-in: an id planted before it (session fixation) is worth nothing after.
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    return ResponseEntity.ok(SignedIn.of(((RapporteurPrincipal) authentication.getPrincipal()).actor()));
  }

  private static ResponseEntity<ProblemDetail> problem(ProblemType type, String detail) {
    return ResponseEntity.status(type.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(type, detail));
  }
}
