package org.rapporteur.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rapporteur.shared.report.ReportStatus;

class MarkdownDocumentTest {

  private final String md = MarkdownDocument.render(TestDrafts.chinese(ReportStatus.DRAFT));

  @Test
  void paragraphNumbersAreEscapedSoNoListRenumbersThem() {
    assertThat(md).contains("\n5\\. 外空协调会议回顾").doesNotContain("\n5. 外空协调会议回顾");
  }

  @Test
  void symbolsBecomeLinksAndMarkupIsEscaped() {
    assertThat(md).contains("[A/AC.105/1209](https://undocs.org/A/AC.105/1209)，第 43 段").contains("\\<script\\>");
  }

  @Test
  void draftMarkerOnlyWhileNotAdopted() {
    assertThat(md).containsOnlyOnce("**草稿**");
    assertThat(MarkdownDocument.render(TestDrafts.chinese(ReportStatus.ADOPTED))).doesNotContain("草稿");
  }

  @Test
  void withdrawnUnitsAreLeftOutAndTheAgendaIsEmbedded() {
    assertThat(md).doesNotContain("撤回").contains("3\\. 外空协调会议通过了以下议程：\n\n1. 会议开幕。\n2. 通过议程。\n3. 秘书长的报告");
  }

  @Test
  void aRenditionOfTheRecordEndsWithTheHeadHashAndPositionItWasRenderedFrom() {
    String hash = "ab".repeat(32);

    String rendered = MarkdownDocument.render(TestDrafts.chinese(ReportStatus.ADOPTED), new Provenance(42, hash));

    assertThat(rendered).endsWith("\n\n---\n\nRendered from position 42 of the record, head hash " + hash + ".\n\n");
    assertThat(MarkdownDocument.render(TestDrafts.chinese(ReportStatus.ADOPTED))).as("a draft rendered alone names no record")
        .doesNotContain("Rendered from position");
  }
}
