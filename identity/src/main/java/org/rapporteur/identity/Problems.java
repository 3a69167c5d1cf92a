package org.rapporteur.identity;

import java.net.URI;
import org.rapporteur.shared.problem.ProblemType;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The API's one way to say no: an RFC 9457 problem of a rule of the catalogue ({@link
 * ProblemType}), the same on the command side, the query side and before either is reached.
 */
public final class Problems {

  private Problems() {}

  public static ProblemDetail of(ProblemType type, String detail) {
    return of(type, type.status(), detail);
  }

  /** For the one rule whose status is the HTTP server's own ({@link ProblemType#HTTP_ERROR}). */
  static ProblemDetail of(ProblemType type, int status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
    problem.setType(URI.create(type.type()));
    problem.setTitle(type.title());
    return problem;
  }
}
