package org.rapporteur.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.rapporteur.shared.problem.ProblemType;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
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

  /**
   * Sets one of the extra members the problem's rule carries in the catalogue; a member the rule
   * does not list is a programming error, so the catalogue stays the whole truth about the answers.
   */
  public static void set(ProblemDetail problem, ProblemType.Member member, Object value) {
    ProblemType type = ProblemType.forSlug(String.valueOf(problem.getType()).substring(ProblemType.TYPE_PREFIX.length()));
    if (!type.members().contains(member)) {
      throw new IllegalStateException("the rule " + type.slug() + " carries no member " + member.memberName());
    }
    problem.setProperty(member.memberName(), value);
  }

  /**
   * Writes the problem straight to the response, for filters that answer before Spring MVC's
   * message converters could. The detail is a constant sentence of the caller's, so it needs no escaping.
   */
  public static void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
    response.setStatus(type.status());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(
        "{\"type\":\"" + type.type() + "\",\"title\":\"" + type.title() + "\",\"status\":" + type.status()
            + ",\"detail\":\"" + detail + "\"}");
  }

  /** For the one rule whose status is the HTTP server's own ({@link ProblemType#HTTP_ERROR}). */
  static ProblemDetail of(ProblemType type, int status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
    problem.setType(URI.create(type.type()));
    problem.setTitle(type.title());
    return problem;
  }
}
