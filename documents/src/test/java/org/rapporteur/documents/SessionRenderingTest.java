package org.rapporteur.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.StringReader;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.draft.CorrigendumView;
import org.rapporteur.shared.draft.DraftUnit;
import org.rapporteur.shared.draft.ParagraphUnit;
import org.rapporteur.shared.draft.ReportDraft;
import org.rapporteur.shared.draft.ReservationView;
import org.rapporteur.shared.draft.SectionView;
import org.rapporteur.shared.report.CorrigendumId;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphStatus;
import org.rapporteur.shared.report.ReportStatus;
import org.rapporteur.shared.report.ReservationId;
import org.rapporteur.shared.report.ReservationKind;

/** The renderings of a report in its adoption session, and of a corrigendum. */
class SessionRenderingTest {

  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    URL xsd = SessionRenderingTest.class.getResource("/akn/akomantoso30.xsd");
    schema = factory.newSchema(xsd);
  }

  private static void assertValid(String xml) {
    assertThatCode(() -> schema.newValidator().validate(new StreamSource(new StringReader(xml))))
        .as("Akoma Ntoso output must validate:%n%s", xml)
        .doesNotThrowAnyException();
  }

  private static final String BRACKETED_TEXT = "The Meeting agreed to meet in Geneva.";

  /**
   * The English report in session: after paragraph 1 a paragraph "1 bis", paragraph 2 bracketed,
   * and WMO's reservation on paragraph 1.
   */
  private static ReportDraft inSession(ReportStatus status, ParagraphStatus secondStatus) {
    ReportDraft english = TestDrafts.english();
    List<SectionView> sections = new ArrayList<>();
    for (SectionView section : english.sections()) {
      List<DraftUnit> units = new ArrayList<>();
      for (DraftUnit unit : section.paragraphs()) {
        if (unit instanceof ParagraphUnit p && p.paragraphId().value().equals("e-p-2")) {
          units.add(new ParagraphUnit(p.paragraphId(), 2, null, BRACKETED_TEXT, secondStatus, 1, "ITU", false, List.of()));
        } else {
          units.add(unit);
        }
        if (unit instanceof ParagraphUnit p && p.paragraphId().value().equals("e-p-1")) {
          units.add(new ParagraphUnit(ParagraphId.of("e-p-1-bis"), 1, "bis", "A minute of silence was observed.",
              ParagraphStatus.ADOPTED, 1, "SECRETARIAT", false, List.of()));
        }
      }
      sections.add(new SectionView(section.sectionId(), section.chapter(), section.letter(), section.title(),
          section.agendaItemIds(), units));
    }
    ReservationView reservation = new ReservationView(ReservationId.of("r-1"), "WMO", ReservationKind.RESERVATION,
        ParagraphId.of("e-p-1"), null, "WMO reserved its position on the urging.", Instant.parse("2021-12-14T16:00:00Z"));
    ReportDraft d = english;
    return new ReportDraft(d.reportId(), d.body(), d.sessionNumber(), d.title(), d.venue(), d.startDate(), d.endDate(),
        d.language(), d.parentMeeting(), d.parentAgendaItem(), "A/AC.105/1260", d.footnotes(), status, d.position(),
        d.agenda(), sections, d.decisions(), d.participants(), d.memberEntities(), d.members(), List.of(reservation),
        List.of());
  }

  @Test
  void insertedParagraphsAreNumberedBisAndBracketedTextIsInSquareBracketsInEveryFormat() {
    ReportDraft draft = inSession(ReportStatus.IN_SESSION, ParagraphStatus.BRACKETED);

    assertThat(HtmlDocument.render(draft))
        .contains("<span class=\"num\">1 bis.</span> <span class=\"text\">A minute of silence was observed.</span>")
        .contains("<span class=\"text\">[" + BRACKETED_TEXT + "]</span>");
    assertThat(MarkdownDocument.render(draft))
        .contains("1 bis\\. A minute of silence was observed.")
        .contains("2\\. \\[The Meeting agreed to meet in Geneva.\\]");
    String xml = AkomaNtosoDocument.render(draft);
    assertThat(xml).contains("<paragraph eId=\"para_1bis\"").contains("<num>1 bis.</num>")
        .contains("<p>[" + BRACKETED_TEXT + "]</p>");
    assertValid(xml);
  }

  @Test
  void onceTheMeetingAdoptsTheParagraphItsBracketsAreGone() {
    ReportDraft draft = inSession(ReportStatus.IN_SESSION, ParagraphStatus.ADOPTED);

    assertThat(HtmlDocument.render(draft)).contains("<span class=\"text\">" + BRACKETED_TEXT + "</span>")
        .doesNotContain("[" + BRACKETED_TEXT);
  }

  @Test
  void reservationsArePrintedAfterTheParagraphTheyBearOn() {
    ReportDraft draft = inSession(ReportStatus.ADOPTED, ParagraphStatus.ADOPTED);

    assertThat(HtmlDocument.render(draft)).contains(
        "<p class=\"reservation\" data-entity=\"WMO\" data-kind=\"RESERVATION\">Reservation (WMO): WMO reserved its position on the urging.</p>");
    assertThat(MarkdownDocument.render(draft)).contains("*Reservation (WMO): WMO reserved its position on the urging.*");
    String xml = AkomaNtosoDocument.render(draft);
    assertThat(xml).contains("<p class=\"reservation\">Reservation (WMO): WMO reserved its position on the urging.</p>");
    assertValid(xml);
  }

  // ---- corrigenda ----------------------------------------------------------------------------

  @Test
  void forReadQuotesTheSmallestRunOfWordsThatChanged() {
    assertThat(CorrigendumDocument.forRead("The Meeting met on 20 and 21 August 2020 online.",
        "The Meeting met on 21 and 22 August 2020 online."))
        .containsExactly("20 and 21", "21 and 22");
  }

  @Test
  void anInsertionQuotesTheWordItTouches() {
    assertThat(CorrigendumDocument.forRead("The Meeting met online.", "The Meeting met online in English."))
        .containsExactly("online.", "online in English.");
  }

  @Test
  void wordsInsertedBetweenWordsQuoteANeighbouringWordSoTheReaderKnowsWhereTheyGo() {
    assertThat(CorrigendumDocument.forRead("The Meeting met online in 2020.", "The Meeting met online once more in 2020."))
        .containsExactly("in", "once more in");
  }

  @Test
  void inChineseEachHanCharacterIsAWord() {
    assertThat(CorrigendumDocument.forRead("会议于 2020 年 8 月 20 日举行。", "会议于 2020 年 8 月 21 日举行。"))
        .containsExactly("20", "21");
  }

  private static CorrigendumView corrigendum(String symbol) {
    return new CorrigendumView(CorrigendumId.of("corr-1"), 1, symbol, "The date was wrong.", 18,
        Instant.parse("2022-01-10T10:00:00Z"), List.of(ParagraphId.of("e-p-1")));
  }

  private static ReportDraft corrected(ReportDraft adopted, String newText) {
    List<SectionView> sections = new ArrayList<>();
    for (SectionView section : adopted.sections()) {
      sections.add(new SectionView(section.sectionId(), section.chapter(), section.letter(), section.title(),
          section.agendaItemIds(), section.paragraphs().stream()
              .map(u -> u instanceof ParagraphUnit p && p.paragraphId().value().equals("e-p-1")
                  ? (DraftUnit) new ParagraphUnit(p.paragraphId(), p.number(), p.numberSuffix(), newText, p.status(),
                      p.revision() + 1, p.authorEntity(), p.orallyAmended(), p.oralAmendments())
                  : u)
              .toList()));
    }
    ReportDraft d = adopted;
    return new ReportDraft(d.reportId(), d.body(), d.sessionNumber(), d.title(), d.venue(), d.startDate(), d.endDate(),
        d.language(), d.parentMeeting(), d.parentAgendaItem(), d.symbol(), d.footnotes(), d.status(), 18, d.agenda(),
        sections, d.decisions(), d.participants(), d.memberEntities(), d.members(), d.reservations(),
        List.of(corrigendum(d.symbol() == null ? null : d.symbol() + "/Corr.1")));
  }

  @Test
  void theCorrigendumSaysForWhatReadWhatUnderItsOwnSymbolInEveryFormat() {
    ReportDraft adopted = inSession(ReportStatus.ADOPTED, ParagraphStatus.ADOPTED);
    ReportDraft after = corrected(adopted,
        "The General Assembly, in its resolution 76/77 (A/RES/76/77), urged the Meeting to continue.");
    CorrigendumView corrigendum = corrigendum("A/AC.105/1260/Corr.1");

    String html = CorrigendumDocument.html(adopted, after, corrigendum, new Provenance(18, "ab".repeat(32)));
    assertThat(html)
        .contains("<p class=\"report-symbol\">A/AC.105/1260/Corr.1</p>")
        .contains("<p class=\"corrigendum-label\">Corrigendum</p>")
        .contains("<p class=\"paragraph-ref\">Paragraph 1</p><p class=\"for-read\"><em>For</em> 76/76 (A/RES/76/76), <em>read</em> 76/77 (A/RES/76/77),</p>")
        .contains("Rendered from position 18");
    assertThat(CorrigendumDocument.markdown(adopted, after, corrigendum, null))
        .contains("A/AC.105/1260/Corr.1")
        .contains("1\\. Paragraph 1")
        .contains("*For* 76/76 (A/RES/76/76), *read* 76/77 (A/RES/76/77),");
    String xml = CorrigendumDocument.akomaNtoso(adopted, after, corrigendum, new Provenance(18, "ab".repeat(32)));
    assertThat(xml)
        .contains("<amendment name=\"corrigendum\">")
        .contains("<activeRef eId=\"report\" href=\"/akn/un/debateReport/meetingReport/un-a-ac.105/2021-12-14/A-AC.105-1260/eng@2021-12-14\"")
        .contains("<quotedText eId=\"corr_1__mod_1__qtext_1\">76/76 (A/RES/76/76),</quotedText>");
    assertValid(xml);
  }

  @Test
  void aCorrectedParagraphInsertedInSessionIsNamedByItsBisNumber() {
    ReportDraft adopted = inSession(ReportStatus.ADOPTED, ParagraphStatus.ADOPTED);
    CorrigendumView corrigendum = new CorrigendumView(CorrigendumId.of("corr-1"), 1, null, "r", 18,
        Instant.parse("2022-01-10T10:00:00Z"), List.of(ParagraphId.of("e-p-1-bis")));
    List<SectionView> sections = adopted.sections().stream().map(s -> new SectionView(s.sectionId(), s.chapter(),
        s.letter(), s.title(), s.agendaItemIds(), s.paragraphs().stream()
            .map(u -> u instanceof ParagraphUnit p && p.paragraphId().value().equals("e-p-1-bis")
                ? (DraftUnit) new ParagraphUnit(p.paragraphId(), 1, "bis", "Two minutes of silence were observed.",
                    p.status(), 2, p.authorEntity(), false, List.of())
                : u)
            .toList())).toList();
    ReportDraft a = adopted;
    ReportDraft after = new ReportDraft(a.reportId(), a.body(), a.sessionNumber(), a.title(), a.venue(), a.startDate(),
        a.endDate(), a.language(), a.parentMeeting(), a.parentAgendaItem(), a.symbol(), a.footnotes(), a.status(), 18,
        a.agenda(), sections, a.decisions(), a.participants(), a.memberEntities(), a.members(), a.reservations(),
        List.of(corrigendum));

    assertThat(CorrigendumDocument.html(adopted, after, corrigendum, null))
        .contains("Paragraph 1 bis</p><p class=\"for-read\"><em>For</em> A minute of silence was <em>read</em> Two minutes of silence were</p>");
    assertValid(CorrigendumDocument.akomaNtoso(adopted, after, corrigendum, null));
  }
}
