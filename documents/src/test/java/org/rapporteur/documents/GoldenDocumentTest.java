package org.rapporteur.documents;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.report.ReportStatus;

/** The three formats for two small reports, byte for byte; see {@link GoldenFiles} to regenerate. */
class GoldenDocumentTest {

  @Test
  void chineseDraftAsHtml() throws IOException {
    GoldenFiles.assertMatches("zh-draft.html", HtmlDocument.render(TestDrafts.chinese(ReportStatus.DRAFT)));
  }

  @Test
  void chineseDraftAsMarkdown() throws IOException {
    GoldenFiles.assertMatches("zh-draft.md", MarkdownDocument.render(TestDrafts.chinese(ReportStatus.DRAFT)));
  }

  @Test
  void chineseDraftAsAkomaNtoso() throws IOException {
    GoldenFiles.assertMatches("zh-draft.xml", AkomaNtosoDocument.render(TestDrafts.chinese(ReportStatus.DRAFT)));
  }

  @Test
  void englishAdoptedAsHtml() throws IOException {
    GoldenFiles.assertMatches("en-adopted.html", HtmlDocument.render(TestDrafts.english()));
  }

  @Test
  void englishAdoptedAsMarkdown() throws IOException {
    GoldenFiles.assertMatches("en-adopted.md", MarkdownDocument.render(TestDrafts.english()));
  }

  @Test
  void englishAdoptedAsAkomaNtoso() throws IOException {
    GoldenFiles.assertMatches("en-adopted.xml", AkomaNtosoDocument.render(TestDrafts.english()));
  }
}
