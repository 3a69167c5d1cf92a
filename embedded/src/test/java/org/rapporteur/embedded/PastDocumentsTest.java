package org.rapporteur.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three documents of the rebuilt reference report as it stood at a past position or instant,
 * folded from the report's own audit trail.
 */
class PastDocumentsTest extends ReferenceDemoApiTest {

  private static final List<String> FORMATS = List.of("html", "md", "xml");
  // Paragraph 20's own words, in no other paragraph.
  private static final String PARAGRAPH_20 = "从卫星图像分析到人工智能";

  private Api api;

  @BeforeEach
  void waitForTheDemo() throws Exception {
    api = api();
    api.get("auditor", "/api/reports/" + REPORT + "?minPosition=" + demoPosition(api));
  }

  @Test
  void atAPositionBeforeParagraphTwentyWasDraftedNoFormatCarriesIt() throws Exception {
    long drafted = firstEvent("ParagraphDrafted&paragraphId=" + REPORT + ".p20").get("position").asLong();
    for (String format : FORMATS) {
      assertThat(document(format, "atPosition=" + (drafted - 1))).as(format).doesNotContain(PARAGRAPH_20);
      assertThat(document(format, "atPosition=" + drafted)).as(format).contains(PARAGRAPH_20);
    }
  }

  @Test
  void beforeTheChairApprovedAnythingEveryFormatMarksTheParagraphsAsDraft() throws Exception {
    long approved = firstEvent("ParagraphApproved").get("position").asLong();
    String at = "atPosition=" + (approved - 1);
    Document html = Jsoup.parse(document("html", at));
    assertThat(html.select("main .unit")).isNotEmpty().allSatisfy(unit -> assertThat(unit.select(".draft-marker")).hasSize(1));
    assertThat(html.body().hasClass("status-draft")).isTrue();
    assertThat(document("md", at)).contains("**草稿**");
    assertThat(document("xml", at)).contains("class=\"paragraph draft\"");
  }

  @Test
  void asOfTheAdoptionNoFormatMarksADraftAndJustBeforeTheFirstApprovalAllDo() throws Exception {
    Instant adopted = Instant.parse(firstEvent("ReportAdopted").get("timestamp").asText());
    Instant firstApproval = Instant.parse(firstEvent("ParagraphApproved").get("timestamp").asText());
    Document html = Jsoup.parse(document("html", "asOf=" + adopted));
    assertThat(html.select("main .unit")).hasSize(25);
    assertThat(html.select(".draft-marker")).isEmpty();
    assertThat(document("md", "asOf=" + adopted)).doesNotContain("**草稿**");
    assertThat(document("xml", "asOf=" + adopted)).doesNotContain(" draft\"");

    String before = "asOf=" + firstApproval.minusMillis(1);
    assertThat(Jsoup.parse(document("html", before)).select(".draft-marker")).isNotEmpty();
    assertThat(document("md", before)).contains("**草稿**");
    assertThat(document("xml", before)).contains("class=\"paragraph draft\"");
  }

  private JsonNode firstEvent(String filter) throws Exception {
    JsonNode events = json(api.get("auditor", "/api/reports/" + REPORT + "/audit?type=" + filter));
    assertThat(events).as(filter).isNotEmpty();
    return events.get(0);
  }

  private String document(String format, String query) {
    HttpResponse<String> response = api.get("auditor", "/api/reports/" + REPORT + "/document." + format + "?" + query);
    assertThat(response.statusCode()).as(format + "?" + query + ": " + response.body()).isEqualTo(200);
    return response.body();
  }
}
