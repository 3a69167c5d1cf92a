package org.rapporteur.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.draft.DiffSegment;
import org.rapporteur.shared.draft.DiffSegment.Operation;
import org.rapporteur.shared.history.ParagraphWhy;
import org.rapporteur.shared.history.WhyEntry;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.Role;

class WhyDocumentTest {

  private static final Actor ITU = new Actor("itu", Role.DELEGATE, "ITU");
  private static final Actor CHAIR = new Actor("chair", Role.CHAIR, null);
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void everyTextIsEscapedAndMarkedWithTheReportsLanguageWhileTheLabelsStayEnglish() {
    ParagraphWhy why = new ParagraphWhy("r", "p", List.of(
        new WhyEntry(1, "e1", "ParagraphDrafted", AT, ITU, "h1", 1, null, "会议<script>开幕</script>",
            List.of(new DiffSegment(Operation.INSERT, "会议<script>开幕</script>")), null, "ITU", null, null, null, null),
        new WhyEntry(2, "e2", "ParagraphReturned", AT, CHAIR, "h2", 1, null, null, null, null, null, "请<b>说明</b>",
            null, null, null),
        new WhyEntry(3, "e3", "ParagraphApproved", AT, CHAIR, "h3", 1, null, null, null, null, null, null, "abc", false,
            null)));

    String page = WhyDocument.render(why, "zh");

    assertThat(page).startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
        .contains("<div class=\"text\" lang=\"zh\">会议&lt;script&gt;开幕&lt;/script&gt;</div>")
        .contains("<div class=\"text\" lang=\"zh\">请&lt;b&gt;说明&lt;/b&gt;</div>")
        .contains("Returned revision 1 to its authors", "chair (chair)", "itu (delegate, ITU)")
        .contains("<span class=\"mismatch\">NOT the SHA-256 of revision 1's text</span>")
        .doesNotContain("<script>", "<b>");
  }

  @Test
  void theSessionsActsAreNamedWithWhoProposedAndWhichCorrigendum() {
    ParagraphWhy why = new ParagraphWhy("r", "p", List.of(
        new WhyEntry(1, "e1", "OralAmendmentAccepted", AT, CHAIR, "h1", 2, 1, "Amended <words>.", null, null, null,
            null, "abc", true, null, "WMO", null),
        new WhyEntry(2, "e2", "ParagraphBracketed", AT, CHAIR, "h2", 2, null, null, null, null, null, null, null, null,
            null, null, null),
        new WhyEntry(3, "e3", "CorrigendumIssued", AT, CHAIR, "h3", 3, 2, "Corrected.", null, null, null, "Dates.",
            "def", true, null, null, "A/AC.105/1/Corr.1")));

    assertThat(WhyDocument.render(why, "en"))
        .contains("Orally amended (revision 2), as proposed by WMO", "Put in square brackets (revision 2)",
            "Corrected (revision 3) by A/AC.105/1/Corr.1", "Amended &lt;words&gt;.");
  }
}
