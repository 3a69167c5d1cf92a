package org.rapporteur.query.web;

import java.util.List;
import org.rapporteur.identity.Problems;
import org.rapporteur.shared.problem.ProblemType;
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

  static final class UnknownCorrigendum extends RuntimeException {
    UnknownCorrigendum(String number) {
      super("The report has no corrigendum '" + number + "'.");
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

  /** An adopted report whose paragraphs' texts are not the texts their approvals named. */
  static final class TextNotAsApproved extends RuntimeException {
    final List<String> paragraphIds;

    TextNotAsApproved(String reportId, List<String> paragraphIds) {
      super("Report '" + reportId + "' is adopted, but the text of paragraphs " + paragraphIds
          + " is not the text their approval fixed; it is not rendered. Verify the report and re-project it.");
      this.paragraphIds = List.copyOf(paragraphIds);
    }
  }

  @ExceptionHandler(TextNotAsApproved.class)
  ProblemDetail textNotAsApproved(TextNotAsApproved e) {
    log.error("{}", e.getMessage());
    ProblemDetail problem = Problems.of(ProblemType.TEXT_NOT_AS_APPROVED, e.getMessage());
    Problems.set(problem, ProblemType.Member.PARAGRAPH_IDS, e.paragraphIds);
    return problem;
  }

  @ExceptionHandler(UnknownReport.class)
  ProblemDetail unknownReport(UnknownReport e) {
    return Problems.of(ProblemType.UNKNOWN_REPORT, e.getMessage());
  }

  @ExceptionHandler(UnknownParagraph.class)
  ProblemDetail unknownParagraph(UnknownParagraph e) {
    return Problems.of(ProblemType.UNKNOWN_PARAGRAPH, e.getMessage());
  }

  @ExceptionHandler(UnknownCorrigendum.class)
  ProblemDetail unknownCorrigendum(UnknownCorrigendum e) {
    return Problems.of(ProblemType.UNKNOWN_CORRIGENDUM, e.getMessage());
  }

  @ExceptionHandler(InvalidParameter.class)
  ProblemDetail invalidParameter(InvalidParameter e) {
    ProblemDetail problem = Problems.of(ProblemType.INVALID_PARAMETER, e.getMessage());
    Problems.set(problem, ProblemType.Member.FIELD, e.parameter);
    return problem;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem =
        Problems.of(ProblemType.INVALID_PARAMETER, e.getName() + " has an invalid value");
    Problems.set(problem, ProblemType.Member.FIELD, e.getName());
    return problem;
  }

  @ExceptionHandler(UnknownRebuild.class)
  ProblemDetail unknownRebuild(UnknownRebuild e) {
    return Problems.of(ProblemType.UNKNOWN_REBUILD, e.getMessage());
  }

  @ExceptionHandler(ProjectionRebuild.AlreadyRunning.class)
  ProblemDetail rebuildRunning(ProjectionRebuild.AlreadyRunning e) {
    return Problems.of(ProblemType.REBUILD_RUNNING, e.getMessage());
  }

  @ExceptionHandler(ReportProjector.NotOwned.class)
  ProblemDetail notOwned(ReportProjector.NotOwned e) {
    return Problems.of(ProblemType.REPORT_PROJECTED_ELSEWHERE, e.getMessage());
  }

  @ExceptionHandler(ReportReprojection.HistoryLost.class)
  ProblemDetail historyLost(ReportReprojection.HistoryLost e) {
    return Problems.of(ProblemType.HISTORY_LOST, e.getMessage());
  }

  @ExceptionHandler(PositionNotReached.class)
  ResponseEntity<ProblemDetail> notYet(PositionNotReached e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(Problems.of(ProblemType.POSITION_NOT_REACHED, e.getMessage()));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("query failed unexpectedly", e);
    return Problems.of(ProblemType.INTERNAL_ERROR, "The query could not be answered.");
  }
}
