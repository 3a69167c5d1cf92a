package org.rapporteur.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The refusals that happen before a request reaches one side's controller (no such path, a method
 * the path does not take) and the last resort for anything else, as RFC 9457 problems. Each side's
 * own advice, scoped to its controllers and ordered first, names the rules of its domain.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblems {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(NoResourceFoundException.class)
  ProblemDetail noSuchPath(NoResourceFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "unknown-path", "No such path in the API.");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail wrongMethod(HttpRequestMethodNotSupportedException e) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "This path does not take " + e.getMethod() + ".");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail notJson(HttpMediaTypeNotSupportedException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Send the body as application/json.");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "This path cannot answer in the media type asked for.");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "The parameter " + e.getParameterName() + " is required.");
    problem.setProperty("field", e.getParameterName());
    return problem;
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("request failed unexpectedly", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The request could not be completed.");
  }

  static ProblemDetail problem(HttpStatus status, String rule, String detail) {
    return Problems.of(status, rule, detail);
  }
}
