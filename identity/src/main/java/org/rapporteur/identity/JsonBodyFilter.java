package org.rapporteur.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.rapporteur.shared.problem.ProblemType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A POST, PUT or PATCH that carries a body must say it is {@code application/json}: a browser can
 * send {@code text/plain} or a form to another site without asking it first, JSON it cannot.
 * Body-less commands (adopt, submit, withdraw) need no content type.
 */
final class JsonBodyFilter extends OncePerRequestFilter {

  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (WITH_BODY.contains(request.getMethod()) && hasBody(request) && !json(request.getContentType())) {
      Problems.write(response, ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
      return;
    }
    chain.doFilter(request, response);
  }

  /** A chunked body has been read by the size limit before this filter, and has a length since. */
  private static boolean hasBody(HttpServletRequest request) {
    long length = request.getContentLengthLong();
    return length > 0 || (length < 0 && request.getHeader("Transfer-Encoding") != null);
  }

  private static boolean json(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return "application".equalsIgnoreCase(type.getType()) && "json".equalsIgnoreCase(type.getSubtype());
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
