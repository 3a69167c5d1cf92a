package org.rapporteur.identity;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The API's one way to say no: an RFC 9457 problem whose {@code type} names the rule, the same on
 * the command side, the query side and before either is reached.
 */
public final class Problems {

  /** Every problem {@code type} is this prefix and the rule's stable slug. */
  public static final String TYPE_PREFIX = "urn:rapporteur:problem:";

  private Problems() {}

  public static ProblemDetail of(HttpStatus status, String rule, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_PREFIX + rule));
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }
}
