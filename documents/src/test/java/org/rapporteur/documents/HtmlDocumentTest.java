package org.rapporteur.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rapporteur.shared.report.ReportStatus;

class HtmlDocumentTest {

  private final String draft = HtmlDocument.render(TestDrafts.chinese(ReportStatus.DRAFT));
  private final String adopted = HtmlDocument.render(TestDrafts.chinese(ReportStatus.ADOPTED));

  @Test
  void symbolsInTextLinkToUndocs() {
    assertThat(draft)
        .contains("<a class=\"symbol\" href=\"https://undocs.org/A/RES/76/76\">A/RES/76/76</a>")
        .contains("<a class=\"symbol\" href=\"https://undocs.org/A/AC.105/1209\">A/AC.105/1209</a>，第 43 段")
        .contains("<a class=\"symbol\" href=\"https://undocs.org/ST/SPACE/69\">");
  }

  @Test
  void nonSymbolsStayPlainText() {
    assertThat(draft).contains("和/或荒漠化").contains("2018-2019 年").contains("COVID-19 大流行").doesNotContain("undocs.org/COVID");
  }

  @Test
  void withdrawnUnitsAndAgendaItemsAreLeftOut() {
    assertThat(draft).doesNotContain("p-gone").doesNotContain("撤回的段落").doesNotContain("被撤回的议项");
  }

  @Test
  void unitsNotYetApprovedCarryADraftMarkerWhileTheReportIsADraft() {
    assertThat(draft).contains("<div class=\"unit paragraph draft\" id=\"p-6\"");
    assertThat(draft).containsOnlyOnce("<span class=\"draft-marker\">草稿</span>");
    assertThat(draft).contains("<div class=\"unit paragraph\" id=\"p-5\"");
  }

  @Test
  void anAdoptedReportShowsNoDraftMarker() {
    assertThat(adopted).doesNotContain("draft-marker\">").doesNotContain(" draft\"");
  }

  @Test
  void draftTextIsEscaped() {
    assertThat(draft).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 其他事项");
  }

  @Test
  void theAdoptedAgendaIsEmbeddedOnceWhereThePlaceholderStands() {
    assertThat(draft).doesNotContain("{agenda}").containsOnlyOnce("<ol class=\"agenda\">");
    assertThat(draft).contains("<li class=\"agenda-item\" value=\"3\" data-item-id=\"ai-3\"><span class=\"num\">3.</span><span class=\"text\">秘书长的报告");
  }

  @Test
  void decisionsAreNumberedParagraphsInTheirPlace() {
    assertThat(draft).contains("<div class=\"unit decision\" id=\"d-1\" data-status=\"ADOPTED\" data-kind=\"AGREED\"><span class=\"num\">4.</span>");
    assertThat(draft.indexOf("id=\"p-4\"")).isLessThan(draft.indexOf("id=\"d-1\"")).isLessThan(draft.indexOf("id=\"p-5\""));
  }

  @Test
  void headerChaptersAndAnnexFollowTheReference() {
    assertThat(draft)
        .contains("<p>临时议程<sup class=\"footnote-ref\"><a href=\"#footnote-1\">*</a></sup>项目 13</p>")
        .contains("（2021 年 12 月 14 日，在线举办）")
        .contains("<span class=\"num\">一.</span> 导言")
        .contains("<span class=\"num\">A.</span> 会议开幕和通过议程")
        .contains("外层空间活动机构间会议第四十届会议与会者名单")
        .contains("<span class=\"role\">主席：</span> <span class=\"person\">N. Hedman</span>（<span class=\"entity\">外层空间事务厅</span>）");
    assertThat(draft.indexOf("国际原子能机构</th>")).isLessThan(draft.indexOf("外层空间事务厅</th>"));
  }

  @Test
  void pageIsSelfContainedAndPrintsOnA4() {
    assertThat(draft).contains("@page { size: A4;").contains("@media print").doesNotContain("<link").doesNotContain("<script");
  }

  @Test
  void englishReportUsesEnglishLabelsAndDates() {
    String en = HtmlDocument.render(TestDrafts.english());
    assertThat(en)
        .contains("<html lang=\"en\">")
        .contains("(online, 14 December 2021)")
        .contains("<span class=\"num\">I.</span> Introduction")
        .contains("<span class=\"role\">Chair:</span> <span class=\"person\">N. Hedman</span> (<span class=\"entity\">Office for Outer Space Affairs</span>)")
        .contains("United Nations entities");
  }

  @Test
  void aRenditionOfTheRecordEndsWithTheHeadHashAndPositionItWasRenderedFrom() {
    String hash = "ab".repeat(32);

    String rendered = HtmlDocument.render(TestDrafts.chinese(ReportStatus.ADOPTED), new Provenance(42, hash));

    assertThat(rendered).endsWith("<footer class=\"record-provenance\"><p>Rendered from position 42 of the record, head hash " + hash + ".</p></footer>\n</body>\n</html>\n");
    assertThat(HtmlDocument.render(TestDrafts.chinese(ReportStatus.ADOPTED))).as("a draft rendered alone names no record")
        .doesNotContain("record-provenance");
  }
}
