package org.rapporteur.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
      write(response, 429, "too-many-sign-in-failures", "Too Many Requests",
          "Too many failed sign-ins for this user or from this address; try again after Retry-After seconds.");
      return;
    }
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
    write(response, 401, "unauthenticated", "Unauthorized", "Credentials are missing or not valid.");
  }

  @Override
  public void handle(
      jakarta.servlet.http.HttpServletRequest request,
      HttpServletResponse response,
      AccessDeniedException exception)
      throws IOException {
    write(response, 403, "forbidden-role", "Forbidden", "Your role may not take this action.");
  }

  static void write(HttpServletResponse response, int status, String rule, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\"" + Problems.TYPE_PREFIX + rule + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\"}");
  }
}
