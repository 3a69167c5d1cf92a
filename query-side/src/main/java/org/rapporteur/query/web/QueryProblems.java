package org.rapporteur.query.web;

import org.rapporteur.identity.Problems;
import org.rapporteur.query.projection.ProjectionRebuild;
import org.rapporteur.query.projection.ReportProjector;
import org.rapporteur.query.projection.ReportReprojection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The query API's refusals as RFC 9457 problems, with a stable {@code type} each. Refusals before a
 * controller is chosen (unknown path, wrong method) are the identity module's ApiProblems.
 */
@RestControllerAdvice(assignableTypes = {ReportQueryController.class, ProjectionAdminController.class, ReportEventStream.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems {

  private static final Logger log = LoggerFactory.getLogger(QueryProblems.class);

  static final class UnknownReport extends RuntimeException {
    UnknownReport(String reportId) {
      super("No report '" + reportId + "' exists.");
    }
  }

  static final class UnknownParagraph extends RuntimeException {
    UnknownParagraph(String paragraphId) {
      super("No paragraph '" + paragraphId + "' exists in this report.");
    }
  }

  static final class InvalidParameter extends RuntimeException {
    final String parameter;

    InvalidParameter(String parameter, String message) {
      super(message);
      this.parameter = parameter;
    }
  }

  static final class UnknownRebuild extends RuntimeException {
    UnknownRebuild(String rebuildId) {
      super("No rebuild '" + rebuildId + "' is known to this instance.");
    }
  }

  static final class PositionNotReached extends RuntimeException {
    PositionNotReached(String reportId, long position) {
      super("The projection of report '" + reportId + "' has not reached position " + position + " yet; retry shortly.");
    }
  }

  @ExceptionHandler(UnknownReport.class)
  ProblemDetail unknownReport(UnknownReport e) {
    return problem(HttpStatus.NOT_FOUND, "unknown-report", e.getMessage());
  }

  @ExceptionHandler(UnknownParagraph.class)
  ProblemDetail unknownParagraph(UnknownParagraph e) {
    return problem(HttpStatus.NOT_FOUND, "unknown-paragraph", e.getMessage());
  }

  @ExceptionHandler(InvalidParameter.class)
  ProblemDetail invalidParameter(InvalidParameter e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getMessage());
    problem.setProperty("field", e.parameter);
    return problem;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getName() + " has an invalid value");
    problem.setProperty("field", e.getName());
    return problem;
  }

  @ExceptionHandler(UnknownRebuild.class)
  ProblemDetail unknownRebuild(UnknownRebuild e) {
    return problem(HttpStatus.NOT_FOUND, "unknown-rebuild", e.getMessage());
  }

  @ExceptionHandler(ProjectionRebuild.AlreadyRunning.class)
  ProblemDetail rebuildRunning(ProjectionRebuild.AlreadyRunning e) {
    return problem(HttpStatus.CONFLICT, "rebuild-running", e.getMessage());
  }

  @ExceptionHandler(ReportProjector.NotOwned.class)
  ProblemDetail notOwned(ReportProjector.NotOwned e) {
    return problem(HttpStatus.CONFLICT, "report-projected-elsewhere", e.getMessage());
  }

  @ExceptionHandler(ReportReprojection.HistoryLost.class)
  ProblemDetail historyLost(ReportReprojection.HistoryLost e) {
    return problem(HttpStatus.CONFLICT, "history-lost", e.getMessage());
  }

  @ExceptionHandler(PositionNotReached.class)
  ResponseEntity<ProblemDetail> notYet(PositionNotReached e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "position-not-reached", e.getMessage()));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("query failed unexpectedly", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The query could not be answered.");
  }

  static ProblemDetail problem(HttpStatus status, String rule, String detail) {
    return Problems.of(status, rule, detail);
  }
}
