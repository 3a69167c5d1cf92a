package org.rapporteur.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.rapporteur.shared.problem.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401, 403 and 429 as RFC 9457 problem details, like every other error of the API. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final String challenge;

  ProblemAuthenticationEntryPoint(String challenge) {
    this.challenge = challenge;
  }

  @Override
  public void commence(
      jakarta.servlet.http.HttpServletRequest request,
      HttpServletResponse response,
      AuthenticationException exception)
      throws IOException {
    if (exception instanceof SignInThrottledException throttled) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
      Problems.write(response, ProblemType.TOO_MANY_SIGN_IN_FAILURES,
          "Too many failed sign-ins for this user or from this address; try again after Retry-After seconds.");
      return;
    }
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
    Problems.write(response, ProblemType.UNAUTHENTICATED, "Credentials are missing or not valid.");
  }

  @Override
  public void handle(
      jakarta.servlet.http.HttpServletRequest request,
      HttpServletResponse response,
      AccessDeniedException exception)
      throws IOException {
    Problems.write(response, ProblemType.FORBIDDEN_ROLE, "Your role may not take this action.");
  }
}
