package org.rapporteur.command.report;

import org.rapporteur.shared.problem.ProblemType;

/**
 * A command that breaks a rule of the report and changed nothing. The web layer answers it as an
 * RFC 9457 problem: {@link #problemType()} is its rule in the catalogue, whose status agrees with
 * {@link #kind()} (400, 404, 403, 409), and {@link #getMessage()} is the {@code detail} in plain
 * words.
 */
public abstract sealed class ReportRuleViolation extends RuntimeException
    permits InvalidCommandException,
        NotFoundInReportException,
        ForbiddenActionException,
        StateConflictException,
        StaleRevisionException,
        ReportNotReadyException {

  /** What kind of wrong the command did, one per HTTP status the API names. */
  public enum Kind {
    /** A missing or invalid field, or an id in the body that is not in the report: 400. */
    INVALID,
    /** An id in the path that does not exist in the report: 404. */
    NOT_FOUND,
    /** The actor's role or entity may not take this action: 403. */
    FORBIDDEN,
    /** The report's state forbids it: 409. */
    CONFLICT
  }

  private final ProblemType problemType;

  /** A rule missing from the catalogue fails here, in the tests that break it, not as a 500 later. */
  ReportRuleViolation(String rule, String message) {
    super(message);
    this.problemType = ProblemType.forSlug(rule);
  }

  /** The rule's stable kebab-case name, such as {@code stale-revision}. */
  public String rule() {
    return problemType.slug();
  }

  /** The rule in the problem catalogue: the problem's type, status and title. */
  public ProblemType problemType() {
    return problemType;
  }

  public abstract Kind kind();
}
