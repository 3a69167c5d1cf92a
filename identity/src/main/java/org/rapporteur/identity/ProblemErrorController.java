package org.rapporteur.identity;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rapporteur.shared.problem.ProblemType;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside any controller (a failing filter, the container's own refusals) as a
 * problem like every other, instead of Spring Boot's error page or error map: status and a stable
 * type, never the exception or a stack trace. Not part of the API, so not in its description.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

  /** The catalogue's rules that the HTTP server itself can answer with, by their status. */
  private static final Map<Integer, ProblemType> BY_STATUS =
      Arrays.stream(
              new ProblemType[] {
                ProblemType.MALFORMED_REQUEST,
                ProblemType.UNAUTHENTICATED,
                ProblemType.FORBIDDEN_ROLE,
                ProblemType.UNKNOWN_PATH,
                ProblemType.METHOD_NOT_ALLOWED,
                ProblemType.NOT_ACCEPTABLE,
                ProblemType.REQUEST_TOO_LARGE,
                ProblemType.UNSUPPORTED_MEDIA_TYPE
              })
          .collect(Collectors.toUnmodifiableMap(ProblemType::status, Function.identity()));

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    if (status == null || !status.isError()) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    ProblemType type =
        status.is5xxServerError() ? ProblemType.INTERNAL_ERROR : BY_STATUS.getOrDefault(status.value(), ProblemType.HTTP_ERROR);
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(type, status.value(), status.getReasonPhrase() + "."));
  }
}
