package org.rapporteur.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rapporteur.shared.draft.AgendaItemView;
import org.rapporteur.shared.draft.DraftUnit;
import org.rapporteur.shared.draft.ParticipantView;
import org.rapporteur.shared.draft.ReportDraft;
import org.rapporteur.shared.draft.ReservationView;
import org.rapporteur.shared.report.ParticipantRole;

/**
 * Renders a report draft as Akoma Ntoso 3.0 XML, marked up as the UN's AKN4UN guidelines mark up a
 * meeting report: {@code <debateReport name="meetingReport">}, chapters, sections and paragraphs
 * in {@code <mainBody>} (eId by position, wId the stable paragraph or decision id), and the list
 * of participants as an attachment. The output validates against the OASIS schema.
 */
public final class AkomaNtosoDocument {

  /** The Akoma Ntoso 3.0 namespace. */
  public static final String NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
  /** The namespace of the provenance element in {@code <proprietary>}. */
  public static final String RECORD_NAMESPACE = "urn:rapporteur:record";

  private static final Map<String, String> ISO_639_2 =
      Map.of("zh", "zho", "en", "eng", "fr", "fra", "ru", "rus", "ar", "ara", "es", "spa");

  private final ReportLayout layout;
  private final ReportDraft draft;
  private final StringBuilder out = new StringBuilder(16384);
  private final Map<String, String> organizationIds = new LinkedHashMap<>();
  private int depth;
  private Provenance provenance;

  private AkomaNtosoDocument(ReportDraft draft) {
    this.layout = ReportLayout.of(draft);
    this.draft = draft;
    for (ParticipantView p : draft.participants()) {
      if (p.entity() != null && !p.entity().isBlank()) {
        organizationIds.putIfAbsent(p.entity(), "org_" + (organizationIds.size() + 1));
      }
    }
  }

  /** How Akoma Ntoso names a report, for a document that refers to it: a corrigendum. */
  record Identity(String actor, String number, String showAs, String language, String expressionIri) {}

  static Identity identityOf(ReportDraft draft) {
    AkomaNtosoDocument report = new AkomaNtosoDocument(draft);
    return new Identity(report.actor(), report.number(), report.showAs(), report.language(), report.expressionIri());
  }

  /** The XML document for the draft as it stands. */
  public static String render(ReportDraft draft) {
    return new AkomaNtosoDocument(draft).document();
  }

  /**
   * The XML document, its metadata naming the record it was rendered from (none when null): a
   * {@code <proprietary>} block, Akoma Ntoso's place for a producer's own metadata.
   */
  public static String render(ReportDraft draft, Provenance from) {
    AkomaNtosoDocument document = new AkomaNtosoDocument(draft);
    document.provenance = from;
    return document.document();
  }

  private String document() {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    open("<akomaNtoso xmlns=\"" + NAMESPACE + "\">");
    open("<debateReport name=\"meetingReport\">");
    meta();
    preface();
    mainBody();
    attachments();
    close("</debateReport>");
    close("</akomaNtoso>");
    return out.toString();
  }

  // --- identification -------------------------------------------------------------------------

  private LocalDate date() {
    LocalDate d = draft.endDate() != null ? draft.endDate() : draft.startDate();
    return d != null ? d : LocalDate.EPOCH;
  }

  /** {@code org-body-subbody}: the symbol's series names the organ (A/AC.105 for COPUOS). */
  String actor() {
    String symbol = draft.symbol();
    if (symbol != null && symbol.contains("/")) {
      return "un-" + slug(symbol.substring(0, symbol.lastIndexOf('/')));
    }
    String body = slug(draft.body() == null ? "" : draft.body());
    return body.isEmpty() ? "un" : "un-" + body;
  }

  private String number() {
    String symbol = draft.symbol();
    if (symbol != null && !symbol.isBlank()) {
      return symbol.strip().replace('/', '-').replace(' ', '_');
    }
    return String.valueOf(draft.reportId());
  }

  private String showAs() {
    String symbol = draft.symbol();
    return symbol != null && !symbol.isBlank() ? symbol.strip() : String.valueOf(draft.reportId());
  }

  private String workIri() {
    return "/akn/un/debateReport/meetingReport/" + actor() + "/" + date() + "/" + number();
  }

  private String expressionIri() {
    return workIri() + "/" + language() + "@" + date();
  }

  String language() {
    String tag = draft.language() == null ? "" : draft.language().toLowerCase(Locale.ROOT);
    String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
    if (ISO_639_2.containsKey(primary)) {
      return ISO_639_2.get(primary);
    }
    return primary.matches("[a-z]{3}") ? primary : "und";
  }

  private void meta() {
    boolean adopted = draft.status().isAdopted();
    open("<meta>");
    identification(workIri(), expressionIri(), true);
    open("<lifecycle source=\"#rapporteur\">");
    leaf("<eventRef eId=\"evt_1\" date=\"" + date() + "\" source=\"#original\" type=\"generation\"/>");
    close("</lifecycle>");
    if (adopted) {
      // Adoption changes no word of the text, so it is a workflow step, not a lifecycle event.
      open("<workflow source=\"#rapporteur\">");
      String by = layout.annex != null && !layout.annex.chairs().isEmpty() ? "#" + personId(layout.annex.chairs().get(0)) : "#body";
      leaf("<step date=\"" + date() + "\" by=\"" + by + "\" as=\"#role_chair\" outcome=\"#adopted\"/>");
      close("</workflow>");
    }
    open("<references source=\"#rapporteur\">");
    leaf("<original eId=\"original\" href=\"" + x(expressionIri()) + "\" showAs=\"" + x(showAs()) + "\"/>");
    leaf("<TLCOrganization eId=\"body\" href=\"/akn/ontology/organizations/un/" + x(actor()) + "\" showAs=\"" + x(nonBlank(draft.body(), actor())) + "\"/>");
    leaf("<TLCOrganization eId=\"rapporteur\" href=\"/akn/ontology/organizations/rapporteur\" showAs=\"Rapporteur\"/>");
    organizationIds.forEach(
        (entity, id) ->
            leaf("<TLCOrganization eId=\"" + id + "\" href=\"/akn/ontology/organizations/un/" + x(nonBlank(slug(entity), id)) + "\" showAs=\"" + x(entity) + "\"/>"));
    for (ParticipantView p : draft.participants()) {
      leaf("<TLCPerson eId=\"" + personId(p) + "\" href=\"/akn/ontology/persons/un/" + x(String.valueOf(p.participantId())) + "\" showAs=\"" + x(p.name()) + "\"/>");
    }
    Labels labels = layout.labels;
    leaf("<TLCRole eId=\"role_chair\" href=\"/akn/ontology/roles/un/chair\" showAs=\"" + x(labels.chair()) + "\"/>");
    leaf("<TLCRole eId=\"role_secretary\" href=\"/akn/ontology/roles/un/secretary\" showAs=\"" + x(labels.secretary()) + "\"/>");
    leaf("<TLCRole eId=\"role_representative\" href=\"/akn/ontology/roles/un/representative\" showAs=\"representative\"/>");
    if (adopted) {
      leaf("<TLCConcept eId=\"adopted\" href=\"/akn/ontology/concepts/un/adopted\" showAs=\"adopted\"/>");
    }
    close("</references>");
    if (provenance != null) {
      open("<proprietary source=\"#rapporteur\">");
      leaf("<rapporteur:record xmlns:rapporteur=\"" + RECORD_NAMESPACE + "\" position=\"" + provenance.position() + "\""
          + (provenance.headHash() == null ? "" : " headHash=\"" + x(provenance.headHash()) + "\"") + "/>");
      close("</proprietary>");
    }
    close("</meta>");
  }

  private void identification(String work, String expression, boolean withNumber) {
    String date = date().toString();
    open("<identification source=\"#rapporteur\">");
    open("<FRBRWork>");
    leaf("<FRBRthis value=\"" + x(work) + "/!main\"/>");
    leaf("<FRBRuri value=\"" + x(work) + "\"/>");
    leaf("<FRBRdate date=\"" + date + "\" name=\"session\"/>");
    leaf("<FRBRauthor href=\"#body\"/>");
    leaf("<FRBRcountry value=\"un\"/>");
    if (withNumber) {
      leaf("<FRBRnumber value=\"" + x(number()) + "\" showAs=\"" + x(showAs()) + "\"/>");
    }
    close("</FRBRWork>");
    open("<FRBRExpression>");
    leaf("<FRBRthis value=\"" + x(expression) + "/!main\"/>");
    leaf("<FRBRuri value=\"" + x(expression) + "\"/>");
    leaf("<FRBRdate date=\"" + date + "\" name=\"" + (draft.status().isAdopted() ? "adoption" : "draft") + "\"/>");
    leaf("<FRBRauthor href=\"#body\"/>");
    leaf("<FRBRlanguage language=\"" + language() + "\"/>");
    close("</FRBRExpression>");
    open("<FRBRManifestation>");
    leaf("<FRBRthis value=\"" + x(expression) + "/!main.xml\"/>");
    leaf("<FRBRuri value=\"" + x(expression) + ".akn\"/>");
    // A pure function has no clock: the manifestation is dated by the session and named by the
    // draft position it renders, so the same draft always gives the same bytes.
    leaf("<FRBRdate date=\"" + date + "\" name=\"position-" + draft.position() + "\"/>");
    leaf("<FRBRauthor href=\"#rapporteur\"/>");
    close("</FRBRManifestation>");
    close("</identification>");
  }

  // --- header ---------------------------------------------------------------------------------

  private void preface() {
    int notes = draft.footnotes().size();
    boolean[] placed = new boolean[notes + 1];
    open("<preface>");
    if (draft.symbol() != null && !draft.symbol().isBlank()) {
      leaf("<p class=\"symbol\"><docNumber>" + x(draft.symbol().strip()) + "</docNumber></p>");
    }
    headerContainer("parentMeeting", ReportLayout.lines(draft.parentMeeting()), placed);
    headerContainer("parentAgendaItem", ReportLayout.lines(draft.parentAgendaItem()), placed);
    open("<longTitle>");
    leaf("<p><docTitle>" + inline(Segment.ofHeaderLine(nonBlank(draft.title(), ""), notes), placed) + "</docTitle></p>");
    close("</longTitle>");
    // A note whose marker the header text lacks still belongs to the header: it follows the dates.
    StringBuilder rest = new StringBuilder();
    for (int i = 1; i <= notes; i++) {
      if (!placed[i]) {
        rest.append(footnote(i));
      }
    }
    leaf("<p class=\"sessionDates\">" + x(layout.venueAndDates()) + rest + "</p>");
    close("</preface>");
  }

  private void headerContainer(String name, List<String> lines, boolean[] placed) {
    if (lines.isEmpty()) {
      return;
    }
    open("<container name=\"" + name + "\">");
    for (String line : lines) {
      leaf("<p>" + inline(Segment.ofHeaderLine(line, placed.length - 1), placed) + "</p>");
    }
    close("</container>");
  }

  private String footnote(int n) {
    String note = draft.footnotes().get(n - 1);
    return "<authorialNote marker=\"" + "*".repeat(n) + "\" placement=\"bottom\" eId=\"fnt_" + n + "\"><p>"
        + inline(Segment.ofText(note), null) + "</p></authorialNote>";
  }

  // --- body -----------------------------------------------------------------------------------

  private void mainBody() {
    open("<mainBody>");
    if (layout.chapters.isEmpty()) {
      leaf("<p/>"); // the schema wants some content; a just-created report has none yet
    }
    for (ReportLayout.Chapter chapter : layout.chapters) {
      String chapterId = "chp_" + token(chapter.roman());
      open("<chapter eId=\"" + chapterId + "\"" + wId(chapter.headingSectionId()) + ">");
      leaf("<num>" + x(layout.labels.chapterNumeral(chapter.roman())) + "</num>");
      leaf("<heading>" + x(chapter.title()) + "</heading>");
      if (chapter.units().isEmpty() && chapter.sections().isEmpty()) {
        leaf("<content><p/></content>");
      }
      units(chapter.units());
      for (ReportLayout.Section section : chapter.sections()) {
        open("<section eId=\"" + chapterId + "__sec_" + token(section.letter()) + "\"" + wId(section.sectionId()) + ">");
        leaf("<num>" + x(section.letter()) + ".</num>");
        leaf("<heading>" + x(section.title()) + "</heading>");
        if (section.units().isEmpty()) {
          leaf("<content><p/></content>");
        }
        units(section.units());
        close("</section>");
      }
      close("</chapter>");
    }
    close("</mainBody>");
  }

  private void units(List<DraftUnit> units) {
    for (DraftUnit unit : units) {
      String eId = "para_" + ReportLayout.numberToken(unit);
      String cls = (ReportLayout.isDecision(unit) ? "decision" : "paragraph") + (layout.isDraft(unit) ? " draft" : "");
      open("<paragraph eId=\"" + eId + "\"" + wId(ReportLayout.unitId(unit)) + " class=\"" + cls + "\">");
      leaf("<num>" + x(ReportLayout.number(unit)) + ".</num>");
      open("<content>");
      List<Segment> run = new ArrayList<>();
      int lists = 0;
      boolean wrote = false;
      for (Segment s : Segment.ofParagraph(layout.text(unit))) {
        if (s instanceof Segment.Agenda) {
          wrote |= paragraphText(run);
          run.clear();
          if (!layout.agenda.isEmpty()) {
            agenda(eId + "__list_" + (++lists));
            wrote = true;
          }
        } else {
          run.add(s);
        }
      }
      wrote |= paragraphText(run);
      for (ReservationView reservation : layout.reservations(unit)) {
        leaf("<p class=\"reservation\">" + x(layout.reservationLine(reservation)) + "</p>");
        wrote = true;
      }
      if (!wrote) {
        leaf("<p/>");
      }
      close("</content>");
      close("</paragraph>");
    }
  }

  private boolean paragraphText(List<Segment> run) {
    String text = inline(run, null);
    if (text.isBlank()) {
      return false;
    }
    leaf("<p>" + text + "</p>");
    return true;
  }

  private void agenda(String listId) {
    open("<blockList eId=\"" + listId + "\" class=\"agenda\">");
    for (AgendaItemView item : layout.agenda) {
      leaf("<item eId=\"" + listId + "__item_" + item.number() + "\"" + wId(String.valueOf(item.itemId())) + "><num>"
          + item.number() + ".</num><p>" + inline(Segment.ofText(item.title()), null) + "</p></item>");
    }
    close("</blockList>");
  }

  // --- annex ----------------------------------------------------------------------------------

  private void attachments() {
    ReportLayout.Annex annex = layout.annex;
    if (annex == null) {
      return;
    }
    Labels labels = layout.labels;
    String work = workIri() + "/annex_1";
    open("<attachments>");
    open("<attachment eId=\"att_1\">");
    open("<doc name=\"listOfParticipants\">");
    open("<meta>");
    identification(work, work + "/" + language() + "@" + date(), false);
    close("</meta>");
    open("<preface>");
    leaf("<p class=\"annexLabel\">" + x(labels.annex()) + "</p>");
    open("<longTitle>");
    leaf("<p><docTitle>" + x(layout.annexTitle()) + "</docTitle></p>");
    close("</longTitle>");
    close("</preface>");
    open("<mainBody>");
    for (ParticipantView p : annex.chairs()) {
      officer(p, "chair", labels.chair());
    }
    for (ParticipantView p : annex.secretaries()) {
      officer(p, "secretary", labels.secretary());
    }
    if (!annex.entities().isEmpty()) {
      open("<blockList eId=\"att_1__entities\" class=\"entities\">");
      leaf("<listIntroduction>" + x(labels.unitedNationsEntities()) + "</listIntroduction>");
      int n = 0;
      for (Map.Entry<String, List<ParticipantView>> e : annex.entities().entrySet()) {
        StringBuilder item = new StringBuilder();
        item.append("<item eId=\"att_1__entities__item_").append(++n).append("\"><p class=\"entity\">").append(organization(e.getKey())).append("</p>");
        for (ParticipantView p : e.getValue()) {
          item.append("<p class=\"representative\">").append(person(p, "representative")).append("</p>");
        }
        leaf(item.append("</item>").toString());
      }
      close("</blockList>");
    }
    if (annex.chairs().isEmpty() && annex.secretaries().isEmpty() && annex.entities().isEmpty()) {
      leaf("<p/>");
    }
    close("</mainBody>");
    close("</doc>");
    close("</attachment>");
    close("</attachments>");
  }

  private void officer(ParticipantView p, String role, String label) {
    Labels labels = layout.labels;
    String entity = p.entity() == null || p.entity().isBlank() ? "" : x(labels.entityOpen()) + organization(p.entity()) + x(labels.entityClose());
    leaf("<p class=\"" + role + "\"><role refersTo=\"#role_" + role + "\">" + x(label) + "</role>" + x(labels.colon().strip()) + " "
        + person(p, role) + entity + "</p>");
  }

  private String person(ParticipantView p, String role) {
    return "<person refersTo=\"#" + personId(p) + "\" as=\"#role_" + role + "\">" + x(p.name()) + "</person>";
  }

  private String organization(String entity) {
    String id = organizationIds.get(entity);
    return id == null ? x(entity) : "<organization refersTo=\"#" + id + "\">" + x(entity) + "</organization>";
  }

  private static String personId(ParticipantView p) {
    return "person_" + p.participantId();
  }

  // --- text -----------------------------------------------------------------------------------

  /** Inline markup of segments; a footnote marker becomes the note itself, as AKN wants it. */
  private String inline(List<Segment> segments, boolean[] placed) {
    StringBuilder b = new StringBuilder();
    for (Segment s : segments) {
      if (s instanceof Segment.Plain p) {
        b.append(x(p.text()));
      } else if (s instanceof Segment.Symbol sym) {
        b.append("<ref href=\"").append(x(sym.url())).append("\">").append(x(sym.symbol())).append("</ref>");
      } else if (s instanceof Segment.FootnoteMark f && placed != null && !placed[f.footnote()]) {
        placed[f.footnote()] = true;
        b.append(footnote(f.footnote()));
      } else if (s instanceof Segment.FootnoteMark f) {
        b.append(x(f.marker())); // a second marker for the same note: the note is written once
      }
    }
    return b.toString();
  }

  private static String wId(String id) {
    return id == null ? "" : " wId=\"" + x(id) + "\"";
  }

  /** Letters and digits only, so a chapter or section label is safe inside an eId. */
  private static String token(String s) {
    String t = s == null ? "" : s.replaceAll("[^A-Za-z0-9]", "");
    return t.isEmpty() ? "x" : t;
  }

  private static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", "");
  }

  private static String nonBlank(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }

  // --- writing --------------------------------------------------------------------------------

  private void open(String tag) {
    indent();
    out.append(tag).append('\n');
    depth++;
  }

  private void close(String tag) {
    depth--;
    indent();
    out.append(tag).append('\n');
  }

  private void leaf(String element) {
    indent();
    out.append(element).append('\n');
  }

  private void indent() {
    out.append("  ".repeat(depth));
  }

  /** XML text and attribute escaping; characters XML 1.0 forbids are dropped. */
  static String x(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '&') {
        b.append("&amp;");
      } else if (c == '<') {
        b.append("&lt;");
      } else if (c == '>') {
        b.append("&gt;");
      } else if (c == '"') {
        b.append("&quot;");
      } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
        continue;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
