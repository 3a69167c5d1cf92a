package org.rapporteur.command.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A command that found its key claimed by a concurrent attempt is not an error: it marks the
 * request so that {@link IdempotencyFilter} answers with that attempt's answer. Ahead of the
 * controllers' advice, which would log it as an unexpected failure.
 */
final class IdempotencyKeyTakenResolver implements HandlerExceptionResolver, Ordered {

  static final String TAKEN = IdempotencyKeyTakenResolver.class.getName() + ".taken";

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception exception) {
    if (!(exception instanceof IdempotencyKeyTakenException)) {
      return null;
    }
    request.setAttribute(TAKEN, Boolean.TRUE);
    response.setStatus(HttpServletResponse.SC_CONFLICT);
    return new ModelAndView();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
