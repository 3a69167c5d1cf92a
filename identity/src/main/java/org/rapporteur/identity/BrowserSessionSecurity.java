package org.rapporteur.identity;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Browser sessions for the web application, beside the stateless API chain of {@link
 * IdentityConfiguration} and ahead of it: the pages, the sign-in endpoint, and {@code /api/**}
 * requests that carry a session cookie and no {@code Authorization} header. Everything else (API
 * clients with Basic or Bearer, or with no credentials at all) still meets the stateless chain,
 * which answers 401 and never redirects.
 *
 * <p>CSRF protection applies here only, because only here does a cookie authenticate: the token
 * travels as the {@code XSRF-TOKEN} cookie (readable by the application's script) and comes back
 * in the {@code X-XSRF-TOKEN} header, a double submit that needs no server state and so holds on
 * both sides behind the front door (docs/adr/0009).
 *
 * <p>Sign-in is a password for the demo users in the embedded default ({@code POST /session}), and
 * OpenID Connect at the identity provider in jwt mode when a client registration is configured
 * ({@code /oauth2/authorization/{id}}, back at {@code /login/oauth2/code/{id}}; docs/adr/0012).
 */
@Configuration(proxyBeanMethods = false)
@Import(BrowserSessionController.class)
public class BrowserSessionSecurity {

  /** Paths of the web application itself: its pages, assets and the session endpoint. */
  static final RequestMatcher WEB_APPLICATION =
      request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/") || path.equals("/app") || path.startsWith("/app/") || path.equals("/sign-in")
            || path.startsWith("/web/") || path.startsWith("/webjars/") || path.equals("/session")
            || path.startsWith("/session/") || path.equals("/favicon.ico")
            || path.startsWith("/oauth2/") || path.startsWith("/login/oauth2/");
      };

  /** An API call made by the web application: a session cookie, no credentials of its own. */
  static final RequestMatcher API_WITH_SESSION =
      request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/")
            && request.getHeader(HttpHeaders.AUTHORIZATION) == null
            && request.getRequestedSessionId() != null;
      };

  private static final RequestMatcher PAGES =
      request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/") || path.equals("/app") || path.startsWith("/app/");
      };

  @Bean
  @Order(10)
  SecurityFilterChain browserSecurity(
      HttpSecurity http, IdentityProperties properties, ObjectProvider<ClientRegistrationRepository> providers)
      throws Exception {
    ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint("Session");
    http.securityMatcher(request -> WEB_APPLICATION.matches(request) || API_WITH_SESSION.matches(request))
        .csrf(csrf -> csrf.spa())
        .requestCache(cache -> cache.disable())
        .exceptionHandling(
            e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/sign-in"), PAGES)
                // No Basic challenge here: a browser would answer it with its own password dialog.
                .defaultAuthenticationEntryPointFor(problems, request -> true)
                .accessDeniedHandler(problems))
        .authorizeHttpRequests(
            auth ->
                // An async dispatch goes on with a request already let through (a server-sent event
                // stream ending after sign-out, say); checking it again only fails on a committed response.
                auth.dispatcherTypeMatchers(DispatcherType.ASYNC)
                    .permitAll()
                    .requestMatchers("/sign-in", "/web/**", "/webjars/**", "/favicon.ico", "/oauth2/**", "/login/oauth2/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/session/options")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/session")
                    .permitAll()
                    .requestMatchers("/api/admin/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        .logout(
            logout -> logout.logoutUrl("/session/sign-out")
                .deleteCookies("JSESSIONID")
                .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)));
    if (!properties.demo() && providers.getIfAvailable() != null) {
      // OpenID Connect sign-in with the provider whose tokens the API takes (docs/adr/0012).
      OidcSignIn signIn = new OidcSignIn(new JwtActorConverter(properties.roleClaim(), properties.entityClaim()));
      http.oauth2Login(
          login -> login.loginPage("/sign-in")
              // The provider's tokens live and die with the session, not in a map of this process.
              .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
              .successHandler(signIn)
              .failureHandler(signIn));
    }
    return http.build();
  }

  /** Who may sign in with a password: the demo users, in the embedded default only. */
  @Bean
  BrowserSignIn browserSignIn(IdentityProperties properties, SignInThrottle throttle) {
    if (!properties.demo()) {
      return BrowserSignIn.NONE;
    }
    AuthenticationManager manager =
        new ProviderManager(
            new CachingBasicAuthenticationProvider(
                DemoUsers.ALL, properties.demoPassword(), new BCryptPasswordEncoder(), properties.credentialCacheTtl(),
                throttle));
    return new BrowserSignIn(manager);
  }

  /** The password check behind {@code POST /session}, or none where passwords are not taken. */
  record BrowserSignIn(AuthenticationManager manager) {
    static final BrowserSignIn NONE = new BrowserSignIn(null);
  }
}
