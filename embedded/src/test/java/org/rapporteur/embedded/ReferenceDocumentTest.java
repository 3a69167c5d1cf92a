package org.rapporteur.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapporteur.embedded.ReferenceReport.withoutWhitespace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rebuilt reference report's document.html, parsed, against the reference itself: the same
 * paragraphs in the same order with the same text, the same headings, agenda, footnote and annex.
 */
class ReferenceDocumentTest extends ReferenceDemoApiTest {

  private static final ReferenceReport REFERENCE = ReferenceReport.read();

  private Document html;

  @BeforeEach
  void parseTheRenderedReport() throws Exception {
    html = Jsoup.parse(referenceHtml(api()));
  }

  @Test
  void everyOneOfTheTwentyFiveParagraphsIsThereInOrderWithTheReferenceText() {
    Elements units = html.select("main .unit");
    assertThat(REFERENCE.paragraphs).hasSize(25);
    assertThat(units.eachAttr("id")).hasSize(25);
    for (int i = 0; i < units.size(); i++) {
      Element unit = units.get(i);
      assertThat(unit.selectFirst("> .num").text()).isEqualTo((i + 1) + ".");
      assertThat(withoutWhitespace(unit.select("> .text").text()))
          .as("paragraph %d", i + 1)
          .isEqualTo(REFERENCE.paragraphs.get(i));
    }
  }

  @Test
  void theChaptersAndTheSectionsAToHCarryTheReferenceTitles() {
    assertThat(html.select("h2.chapter-heading").stream().map(ReferenceDocumentTest::titleWithoutNumber).toList())
        .isEqualTo(REFERENCE.chapters);
    Map<String, String> sections = new LinkedHashMap<>();
    for (Element heading : html.select("h3.section-heading")) {
      sections.put(heading.selectFirst(".num").text().replace(".", ""), titleWithoutNumber(heading));
    }
    assertThat(sections).containsExactlyEntriesOf(REFERENCE.sections);
    assertThat(html.select("#chapter-II h3.section-heading")).hasSize(8);
  }

  @Test
  void theAdoptedAgendaIsEmbeddedInParagraphSixWithItsNineItems() {
    Element six = html.select("main .unit").get(5);
    Elements items = six.select("ol.agenda > li.agenda-item");
    assertThat(items.stream().map(item -> withoutWhitespace(item.select(".text").text())).toList())
        .hasSize(9)
        .isEqualTo(REFERENCE.agenda);
    assertThat(items.stream().map(item -> item.selectFirst(".num").text()).toList())
        .containsExactly("1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9.");
    assertThat(html.select("ol.agenda")).hasSize(1);
  }

  @Test
  void theHeaderMarksTheAgendaItemWithTheFootnoteNamingTheProvisionalAgenda() {
    Element marker = html.selectFirst(".parent-agenda-item sup.footnote-ref a");
    assertThat(marker).isNotNull();
    Element footnote = html.selectFirst(marker.attr("href"));
    assertThat(footnote).isNotNull();
    assertThat(footnote.select("a.symbol").attr("href")).isEqualTo("https://undocs.org/A/AC.105/L.327");
    assertThat(withoutWhitespace(html.selectFirst(".report-title").text())).isEqualTo("外层空间活动机构间会议第四十届会议报告");
  }

  @Test
  void theAnnexListsTheChairAndSecretaryThenThirteenEntitiesWithEighteenRepresentatives() {
    Element annex = html.selectFirst("section.annex");
    assertThat(annex.selectFirst(".annex-label").text()).isEqualTo("附件");
    assertThat(REFERENCE.annexText).contains(withoutWhitespace(annex.selectFirst(".annex-title").text()));
    Elements entities = annex.select("tr.entity");
    assertThat(entities).hasSize(13);
    for (Element entity : entities) {
      assertThat(REFERENCE.annexText).contains(withoutWhitespace(entity.selectFirst("th").text()));
    }
    assertThat(annex.select("tr.entity li.person")).hasSize(18);
    List<String> names = annex.select(".officer .person, tr.entity li.person").eachText();
    assertThat(names).isEqualTo(REFERENCE.annexNames);
    assertThat(annex.selectFirst(".officer.chair .person").text()).isEqualTo("N. Hedman");
    assertThat(annex.selectFirst(".officer.secretary .person").text()).isEqualTo("A. Duysenhanova");
  }

  private static String titleWithoutNumber(Element heading) {
    Element copy = heading.clone();
    copy.select(".num").remove();
    return withoutWhitespace(copy.text());
  }
}
