package org.rapporteur.command.report;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Matches a {@link ReportRuleViolation} by its type, rule and kind, for the fixture's
 * expectException; the rule's status in the problem catalogue must be its kind's.
 */
final class Violations {

  private Violations() {}

  static Matcher<ReportRuleViolation> violation(
      Class<? extends ReportRuleViolation> type, String rule, ReportRuleViolation.Kind kind) {
    return new TypeSafeMatcher<>() {
      @Override
      protected boolean matchesSafely(ReportRuleViolation violation) {
        return type.isInstance(violation)
            && violation.rule().equals(rule)
            && violation.kind() == kind
            && violation.problemType().status() == status(kind);
      }

      @Override
      public void describeTo(Description description) {
        description.appendText(type.getSimpleName() + " with rule " + rule + " and kind " + kind);
      }

      @Override
      protected void describeMismatchSafely(ReportRuleViolation item, Description mismatch) {
        mismatch.appendText(item.getClass().getSimpleName() + " with rule " + item.rule()
            + " and kind " + item.kind() + " (catalogue status " + item.problemType().status() + "): " + item.getMessage());
      }
    };
  }

  /** The HTTP status API.md gives each kind of violation. */
  private static int status(ReportRuleViolation.Kind kind) {
    return switch (kind) {
      case INVALID -> 400;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
    };
  }

  static Matcher<ReportRuleViolation> invalid(String rule) {
    return violation(InvalidCommandException.class, rule, ReportRuleViolation.Kind.INVALID);
  }

  static Matcher<ReportRuleViolation> notFound(String rule) {
    return violation(NotFoundInReportException.class, rule, ReportRuleViolation.Kind.NOT_FOUND);
  }

  static Matcher<ReportRuleViolation> forbidden(String rule) {
    return violation(ForbiddenActionException.class, rule, ReportRuleViolation.Kind.FORBIDDEN);
  }

  static Matcher<ReportRuleViolation> conflict(String rule) {
    return violation(StateConflictException.class, rule, ReportRuleViolation.Kind.CONFLICT);
  }

  /** A stale revision answered with the paragraph's current revision and text. */
  static Matcher<StaleRevisionException> staleAt(int currentRevision, String currentText) {
    return new TypeSafeMatcher<>() {
      @Override
      protected boolean matchesSafely(StaleRevisionException stale) {
        return stale.rule().equals("stale-revision")
            && stale.kind() == ReportRuleViolation.Kind.CONFLICT
            && stale.problemType().status() == 409
            && stale.currentRevision() == currentRevision
            && stale.currentText().equals(currentText);
      }

      @Override
      public void describeTo(Description description) {
        description.appendText("a stale revision at current revision " + currentRevision + " with text " + currentText);
      }
    };
  }
}
