package org.rapporteur.identity;

import org.rapporteur.shared.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
    return Problems.of(ProblemType.UNKNOWN_PATH, "No such path in the API.");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail wrongMethod(HttpRequestMethodNotSupportedException e) {
    return Problems.of(ProblemType.METHOD_NOT_ALLOWED, "This path does not take " + e.getMethod() + ".");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail notJson(HttpMediaTypeNotSupportedException e) {
    return Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return Problems.of(ProblemType.NOT_ACCEPTABLE, "This path cannot answer in the media type asked for.");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    ProblemDetail problem =
        Problems.of(ProblemType.INVALID_PARAMETER, "The parameter " + e.getParameterName() + " is required.");
    Problems.set(problem, ProblemType.Member.FIELD, e.getParameterName());
    return problem;
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("request failed unexpectedly", e);
    return Problems.of(ProblemType.INTERNAL_ERROR, "The request could not be completed.");
  }
}
