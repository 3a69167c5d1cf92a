package org.rapporteur.identity;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The same authorization rules in both identity modes: every API call is authenticated; what a
 * role or entity may do is decided by the command side's aggregate (per object) and by the
 * role checks of the query side. Sessions are never created: each request carries its credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdentityProperties.class, RequestLimits.class, BrowserPolicy.class})
@Import({ApiProblems.class, ProblemErrorController.class, ApiDocumentation.class})
public class IdentityConfiguration {

  /** Failed sign-ins, counted together for HTTP Basic and the browser's sign-in page. */
  @Bean
  SignInThrottle signInThrottle(IdentityProperties properties) {
    return new SignInThrottle(properties.signIn(), System::nanoTime);
  }

  /**
   * No observations of Spring Security's filters, authentications and authorizations: with any
   * observation registry, each of the chain's dozen filters is otherwise wrapped in a decorator
   * that opens an observation (a no-op one, when they are disabled by property) around it, on
   * every request; no dashboard uses them. The HTTP server's own observation stays.
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** Spring Security's firewall, its header checks without regular expressions ({@link HeaderCharacters}). */
  @Bean
  WebSecurityCustomizer headerFirewall() {
    return web -> web.httpFirewall(HeaderCharacters.firewall());
  }

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, IdentityProperties properties, SignInThrottle throttle)
      throws Exception {
    String challenge = properties.demo() ? "Basic realm=\"rapporteur\"" : "Bearer";
    ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(challenge);
    http.csrf(csrf -> csrf.disable()) // no cookies, no sessions: CSRF cannot ride on them
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health", "/actuator/health/**", "/error")
                    .permitAll()
                    .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.OPTIONS, "/**")
                    .permitAll()
                    .requestMatchers("/api/admin/**", "/actuator/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated());
    if (properties.demo()) {
      http.authenticationProvider(
              new CachingBasicAuthenticationProvider(
                  DemoUsers.ALL,
                  properties.demoPassword(),
                  new BCryptPasswordEncoder(),
                  properties.credentialCacheTtl(),
                  throttle))
          .httpBasic(basic -> basic.authenticationEntryPoint(problems));
    } else {
      http.oauth2ResourceServer(
          oauth ->
              oauth
                  .authenticationEntryPoint(problems)
                  .accessDeniedHandler(problems)
                  .jwt(jwt -> jwt.jwtAuthenticationConverter(
                      new JwtActorConverter(properties.roleClaim(), properties.entityClaim()))));
    }
    return http.build();
  }

  /**
   * JWT mode with the provider's RSA key as a file. Without it, Spring Boot builds the decoder from
   * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}) and
   * {@code .audiences}.
   */
  @Bean
  @ConditionalOnProperty("rapporteur.identity.jwt.public-key-location")
  JwtDecoder localKeyJwtDecoder(IdentityProperties properties) {
    return LocalKeyJwtDecoder.of(properties.jwt());
  }

  /** Before security, so an oversize body is refused before anyone pays to authenticate it. */
  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(RequestLimits limits) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits.maxRequestSize().toBytes()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Before security too: a request a browser sent from another site is refused unauthenticated. */
  @Bean
  FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequests(BrowserPolicy policy) {
    FilterRegistrationBean<CrossSiteRequestFilter> registration =
        new FilterRegistrationBean<>(new CrossSiteRequestFilter(policy.allowedOrigins()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** After the size limit, which gives a chunked body its length. */
  @Bean
  FilterRegistrationBean<JsonBodyFilter> jsonBodies() {
    FilterRegistrationBean<JsonBodyFilter> registration = new FilterRegistrationBean<>(new JsonBodyFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  @Bean
  WebMvcConfigurer actorArguments() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
      }
    };
  }
}
