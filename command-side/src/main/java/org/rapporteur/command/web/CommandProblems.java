package org.rapporteur.command.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.rapporteur.command.eventstore.EventSizeLimit;
import org.rapporteur.command.publishing.Republisher;
import org.rapporteur.command.report.InvalidCommandException;
import org.rapporteur.command.report.ReportRuleViolation;
import org.rapporteur.command.report.StaleRevisionException;
import org.rapporteur.shared.report.Identifiers;
import org.rapporteur.identity.Problems;
import org.rapporteur.shared.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every refusal of the command API as an RFC 9457 problem: a stable {@code type} per rule, the
 * {@code field} for invalid input, and nothing internal. The command changed nothing. Refusals
 * before a controller is chosen (unknown path, wrong method) are the identity module's ApiProblems.
 */
@RestControllerAdvice(assignableTypes = {ReportCommandController.class, PublicationAdminController.class,
    ReportIntegrityController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblems {

  private static final Logger log = LoggerFactory.getLogger(CommandProblems.class);

  @ExceptionHandler(ReportRuleViolation.class)
  ProblemDetail ruleViolated(ReportRuleViolation violation) {
    ProblemDetail problem = Problems.of(violation.problemType(), violation.getMessage());
    if (violation instanceof InvalidCommandException invalid) {
      Problems.set(problem, ProblemType.Member.FIELD, invalid.field());
    }
    if (violation instanceof StaleRevisionException stale) {
      Problems.set(problem, ProblemType.Member.CURRENT_REVISION, stale.currentRevision());
      Problems.set(problem, ProblemType.Member.CURRENT_TEXT, stale.currentText());
    }
    return problem;
  }

  @ExceptionHandler(EventSizeLimit.EventTooLargeException.class)
  ProblemDetail eventTooLarge(EventSizeLimit.EventTooLargeException e) {
    ProblemDetail problem = Problems.of(ProblemType.EVENT_TOO_LARGE, e.getMessage());
    Problems.set(problem, ProblemType.Member.BYTES, e.bytes());
    Problems.set(problem, ProblemType.Member.MAX_BYTES, e.maxBytes());
    return problem;
  }

  @ExceptionHandler(Republisher.UnknownReport.class)
  ProblemDetail unknownReportToRepublish(Republisher.UnknownReport e) {
    return Problems.of(ProblemType.UNKNOWN_REPORT, e.getMessage());
  }

  @ExceptionHandler(ReportIntegrityController.NotAnAuditor.class)
  ProblemDetail notAnAuditor(ReportIntegrityController.NotAnAuditor e) {
    return Problems.of(ProblemType.FORBIDDEN_ROLE, e.getMessage());
  }

  @ExceptionHandler(AggregateNotFoundException.class)
  ProblemDetail unknownReport(AggregateNotFoundException e) {
    return Problems.of(ProblemType.UNKNOWN_REPORT, "No report '" + e.getAggregateIdentifier() + "' exists.");
  }

  @ExceptionHandler(AggregateStreamCreationException.class)
  ProblemDetail duplicateReport(AggregateStreamCreationException e) {
    return Problems.of(ProblemType.REPORT_EXISTS, "A report with this reportId exists already.");
  }

  @ExceptionHandler(ConcurrencyException.class)
  ProblemDetail concurrentChange(ConcurrencyException e) {
    return Problems.of(
        ProblemType.CONCURRENT_MODIFICATION, "The report changed at the same time on another node; try again.");
  }

  @ExceptionHandler(PathIds.UnknownPathIdException.class)
  ProblemDetail unknownPathId(PathIds.UnknownPathIdException e) {
    return Problems.of(ProblemType.UNKNOWN_ID, e.getMessage() + ".");
  }

  @ExceptionHandler(PathIds.InvalidBodyIdException.class)
  ProblemDetail invalidBodyId(PathIds.InvalidBodyIdException e) {
    return invalidField(e.field, e.getMessage());
  }

  @ExceptionHandler(Identifiers.InvalidIdentifierException.class)
  ProblemDetail invalidId(Identifiers.InvalidIdentifierException e) {
    return Problems.of(ProblemType.INVALID_ID, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidBody(MethodArgumentNotValidException e) {
    List<Map<String, String>> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
            .toList();
    Map<String, String> first = errors.isEmpty() ? Map.of("field", "", "message", "invalid") : errors.get(0);
    ProblemDetail problem = invalidField(first.get("field"), first.get("field") + " " + first.get("message"));
    Problems.set(problem, ProblemType.Member.ERRORS, errors);
    return problem;
  }

  /**
   * A body field the command does not take (who acted, a status, an author, a revision...) or a
   * value of the wrong type is named in {@code field}; Jackson's own message is not passed on, as it
   * names internal classes.
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      ProblemDetail problem =
          Problems.of(
              ProblemType.UNKNOWN_FIELD,
              "The field '" + unknown.getPropertyName() + "' cannot be set by this command.");
      Problems.set(problem, ProblemType.Member.FIELD, unknown.getPropertyName());
      return problem;
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field =
          mismatch.getPath().stream()
              .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining(".")).replace(".[", "[");
      return invalidField(field, field + " has a value of the wrong type or form");
    }
    return Problems.of(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON.");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail notJson(HttpMediaTypeNotSupportedException e) {
    return Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("command failed unexpectedly", e);
    return Problems.of(ProblemType.INTERNAL_ERROR, "The command could not be completed; nothing was changed.");
  }

  private static ProblemDetail invalidField(String field, String detail) {
    ProblemDetail problem = Problems.of(ProblemType.INVALID_FIELD, detail);
    Problems.set(problem, ProblemType.Member.FIELD, field);
    return problem;
  }
}
