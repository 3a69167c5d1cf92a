package org.rapporteur.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.problem.ProblemType;
import org.springframework.http.ProblemDetail;

/** A problem is its catalogue entry: type, status and title, and only the members the rule lists. */
class ProblemsTest {

  @Test
  void aProblemTakesTypeStatusAndTitleFromTheCatalogue() {
    ProblemDetail problem = Problems.of(ProblemType.STALE_REVISION, "paragraph p is at revision 3");
    assertThat(problem.getType()).isEqualTo(URI.create("urn:rapporteur:problem:stale-revision"));
    assertThat(problem.getStatus()).isEqualTo(409);
    assertThat(problem.getTitle()).isEqualTo("Stale revision");
    assertThat(problem.getDetail()).isEqualTo("paragraph p is at revision 3");
  }

  @Test
  void aMemberTheRuleListsIsSet() {
    ProblemDetail problem = Problems.of(ProblemType.STALE_REVISION, "stale");
    Problems.set(problem, ProblemType.Member.CURRENT_REVISION, 3);
    assertThat(problem.getProperties()).containsEntry("currentRevision", 3);
  }

  @Test
  void aMemberTheRuleDoesNotListIsRefused() {
    ProblemDetail problem = Problems.of(ProblemType.UNKNOWN_REPORT, "no such report");
    assertThatThrownBy(() -> Problems.set(problem, ProblemType.Member.FIELD, "reportId"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the rule unknown-report carries no member field");
  }

  @Test
  void everySlugIsFoundAndUnique() {
    for (ProblemType type : ProblemType.values()) {
      assertThat(ProblemType.forSlug(type.slug())).isSameAs(type);
    }
    assertThatThrownBy(() -> ProblemType.forSlug("no-such-rule")).isInstanceOf(IllegalArgumentException.class);
  }
}
