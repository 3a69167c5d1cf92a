package org.rapporteur.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The embedded default's first start: the reference report is rebuilt through the product's own
 * commands and published as the reference lays it out.
 */
class ReferenceDemoTest extends ReferenceDemoApiTest {

  @Test
  void theReferenceReportIsRebuiltAdoptedWithTwentyFiveNumberedUnits() throws Exception {
    Api api = api();
    JsonNode draft = json(api.get("auditor", "/api/reports/un-space-40?minPosition=" + demoPosition(api)));
    assertThat(draft.get("status").asText()).isEqualTo("ADOPTED");
    List<Integer> numbers = new ArrayList<>();
    List<String> letters = new ArrayList<>();
    for (JsonNode section : draft.get("sections")) {
      if (!section.get("letter").isNull()) {
        letters.add(section.get("letter").asText());
      }
      section.get("paragraphs").forEach(unit -> numbers.add(unit.get("number").asInt()));
    }
    assertThat(numbers).hasSize(25).isSorted().startsWith(1).endsWith(25);
    assertThat(letters).containsExactly("A", "B", "C", "D", "E", "F", "G", "H");
  }

  @Test
  void theDelegationsOfTheAnnexAreTheReferenceReportsMembersAndItsDelegatesSeeIt() throws Exception {
    Api api = api();
    long position = demoPosition(api);
    JsonNode members = json(api.get("auditor", "/api/reports/un-space-40/members?minPosition=" + position));
    List<String> entities = members.findValuesAsText("entity");
    assertThat(entities).contains("ITU", "WMO", "OOSA", "UNODC").hasSize(13);
    for (String delegate : List.of("itu", "wmo", "oosa", "unodc")) {
      assertThat(api.get(delegate, "/api/reports/un-space-40").statusCode()).as(delegate).isEqualTo(200);
      assertThat(json(api.get(delegate, "/api/reports")).findValuesAsText("reportId")).as(delegate).contains("un-space-40");
    }
  }

  @Test
  void theRenderedReferenceCarriesItsParagraphsAndTheAnnex() throws Exception {
    Api api = api();
    long position = demoPosition(api);
    HttpResponse<String> html = api.get("auditor", "/api/reports/un-space-40/document.html?minPosition=" + position);
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.body())
        .contains("外层空间活动机构间会议第四十届会议报告")
        .contains("https://undocs.org/A/AC.105/1209")
        .contains("N. Hedman")
        .contains("C. Bussink");
    Matcher numbered = Pattern.compile("data-status=").matcher(html.body());
    int units = 0;
    while (numbered.find()) {
      units++;
    }
    assertThat(units).isEqualTo(25);
    assertThat(api.get("auditor", "/api/reports/un-space-40/document.xml").statusCode()).isEqualTo(200);
    assertThat(api.get("auditor", "/api/reports/un-space-40/document.md").body()).contains("其第四十一届会议将与该部长级会议同时举行");
  }

  @Test
  void theDemoAuditTrailTellsWhoDidWhat() throws Exception {
    Api api = api();
    JsonNode audit = json(api.get("auditor", "/api/reports/un-space-40/audit?type=ParagraphReturned&minPosition=" + demoPosition(api)));
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).get("actor").get("user").asText()).isEqualTo("chair");
    JsonNode page = json(api.get("auditor", "/api/reports/un-space-40/audit?limit=10"));
    assertThat(page).hasSize(10);
    assertThat(page.get(0).get("type").asText()).isEqualTo("ReportCreated");
    HttpResponse<String> paged = api.get("auditor", "/api/reports/un-space-40/audit?limit=10");
    assertThat(paged.headers().firstValue("Link")).hasValueSatisfying(link -> assertThat(link).contains("afterPosition=10").contains("rel=\"next\""));
  }
}
