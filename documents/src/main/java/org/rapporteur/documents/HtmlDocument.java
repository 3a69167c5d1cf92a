package org.rapporteur.documents;

import org.rapporteur.shared.draft.ReservationView;
import java.util.List;
import java.util.Map;
import org.rapporteur.shared.draft.AgendaItemView;
import org.rapporteur.shared.draft.DraftUnit;
import org.rapporteur.shared.draft.ParticipantView;
import org.rapporteur.shared.draft.ReportDraft;

/**
 * Renders a report draft as a self-contained, printable HTML5 page laid out like the reference
 * report: header block, numbered chapters and lettered sections, numbered paragraphs, the annex
 * listing the participants. Every draft text is escaped; the page loads nothing from elsewhere.
 */
public final class HtmlDocument {

  // Inline so the page prints the same offline; A4 with the UN's generous margins.
  private static final String CSS =
      """
      :root { color: #000; background: #fff; }
      body { margin: 0 auto; max-width: 17cm; padding: 1.5cm 1cm; font: 11pt/1.5 "Times New Roman", "Noto Serif CJK SC", "SimSun", "Songti SC", serif; }
      a { color: #00468b; }
      .report-header { margin-bottom: 2em; }
      .report-header p { margin: 0; }
      .report-symbol { text-align: right; font-weight: bold; font-size: 14pt; border-bottom: 2px solid #000; margin-bottom: 0.75em; }
      .parent-meeting p:first-child { font-weight: bold; }
      .parent-agenda-item { margin-top: 0.75em; }
      .parent-agenda-item p:last-child { font-weight: bold; }
      .report-title { font-size: 15pt; text-align: center; margin: 2em 0 0.25em; }
      .session-dates { text-align: center; margin-bottom: 1.5em; }
      .footnotes { margin-top: 1.5em; border-top: 1px solid #000; width: 6cm; padding-top: 0.3em; font-size: 9pt; }
      .footnotes ol { list-style: none; margin: 0; padding: 0; }
      .footnote-marker { display: inline-block; min-width: 1.5em; }
      /* Headings and paragraphs hang their numbers in a gutter, as the UN lays reports out. */
      .chapter-heading { font-size: 13pt; margin: 1.75em 0 0.75em; display: grid; grid-template-columns: 2.5em 1fr; }
      .section-heading { font-size: 11pt; margin: 1.25em 0 0.5em 1.25em; display: grid; grid-template-columns: 2em 1fr; }
      .unit { margin: 0 0 0.6em; text-align: justify; display: grid; grid-template-columns: 2.5em 1fr; }
      .unit > * { grid-column: 2; }
      .unit > .num { grid-column: 1; grid-row: 1; }
      .agenda { list-style: none; margin: 0.3em 0 0.3em 2.5em; padding: 0; }
      .agenda-item { display: grid; grid-template-columns: 2em 1fr; }
      .draft-marker { justify-self: start; margin-top: 0.2em; padding: 0 0.3em; border: 1px dashed #a00; color: #a00; font-size: 8pt; }
      .unit.draft { background: #fff8e5; }
      .annex { margin-top: 3em; }
      .annex-label { font-size: 13pt; }
      .annex-title { font-size: 13pt; text-align: center; margin: 1em 0 1.5em; }
      .officer { margin: 0.3em 0; }
      .entities-heading { font-size: 11pt; margin: 1.25em 0 0.5em; }
      .entities { border-collapse: collapse; width: 100%; }
      .entities th { text-align: left; font-weight: normal; vertical-align: top; width: 60%; padding: 0.15em 1em 0.15em 1.25em; }
      .entities td { vertical-align: top; padding: 0.15em 0; }
      .representatives { list-style: none; margin: 0; padding: 0; }
      @page { size: A4; margin: 2.5cm 2cm 2.5cm 2cm; }
      @media print {
        body { max-width: none; padding: 0; font-size: 10.5pt; }
        a { color: inherit; text-decoration: none; }
        .unit.draft { background: none; }
        .draft-marker { color: #000; border-color: #000; }
        .chapter-heading, .section-heading, .annex-title { break-after: avoid; }
        .unit, .entities tr { break-inside: avoid; }
        .annex { break-before: page; margin-top: 0; }
      }
      """;

  private HtmlDocument() {}

  /** The complete page for the draft as it stands. */
  public static String render(ReportDraft draft) {
    return render(draft, null);
  }

  /** The complete page, with a footer line naming the record it was rendered from (none when null). */
  public static String render(ReportDraft draft, Provenance from) {
    ReportLayout layout = ReportLayout.of(draft);
    Labels labels = layout.labels;
    StringBuilder out = new StringBuilder(8192);
    out.append("<!DOCTYPE html>\n<html lang=\"").append(labels.htmlLang()).append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(draft.title())).append("</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n")
        .append("<body class=\"report status-").append(esc(String.valueOf(draft.status()).toLowerCase(java.util.Locale.ROOT)))
        .append("\" data-report-id=\"").append(esc(String.valueOf(draft.reportId()))).append("\">\n");
    header(out, layout);
    out.append("<main class=\"report-body\">\n");
    for (ReportLayout.Chapter chapter : layout.chapters) {
      chapter(out, layout, chapter);
    }
    out.append("</main>\n");
    if (layout.annex != null) {
      annex(out, layout);
    }
    if (from != null) {
      out.append("<footer class=\"record-provenance\"><p>").append(esc(from.line())).append("</p></footer>\n");
    }
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  private static void header(StringBuilder out, ReportLayout layout) {
    ReportDraft d = layout.draft;
    int notes = d.footnotes().size();
    out.append("<header class=\"report-header\">\n");
    if (d.symbol() != null && !d.symbol().isBlank()) {
      out.append("<p class=\"report-symbol\">").append(esc(d.symbol())).append("</p>\n");
    }
    headerBlock(out, "parent-meeting", ReportLayout.lines(d.parentMeeting()), notes);
    headerBlock(out, "parent-agenda-item", ReportLayout.lines(d.parentAgendaItem()), notes);
    out.append("<h1 class=\"report-title\">");
    segments(out, Segment.ofHeaderLine(d.title() == null ? "" : d.title(), notes));
    out.append("</h1>\n");
    out.append("<p class=\"session-dates\">").append(esc(layout.venueAndDates())).append("</p>\n");
    if (notes > 0) {
      out.append("<aside class=\"footnotes\">\n<ol>\n");
      for (int i = 0; i < notes; i++) {
        Segment.FootnoteMark mark = new Segment.FootnoteMark(i + 1);
        out.append("<li class=\"footnote\" id=\"footnote-").append(i + 1).append("\"><span class=\"footnote-marker\">")
            .append(mark.marker()).append("</span>");
        segments(out, Segment.ofText(d.footnotes().get(i)));
        out.append("</li>\n");
      }
      out.append("</ol>\n</aside>\n");
    }
    out.append("</header>\n");
  }

  private static void headerBlock(StringBuilder out, String cssClass, List<String> lines, int notes) {
    if (lines.isEmpty()) {
      return;
    }
    out.append("<div class=\"").append(cssClass).append("\">\n");
    for (String line : lines) {
      out.append("<p>");
      segments(out, Segment.ofHeaderLine(line, notes));
      out.append("</p>\n");
    }
    out.append("</div>\n");
  }

  private static void chapter(StringBuilder out, ReportLayout layout, ReportLayout.Chapter chapter) {
    out.append("<section class=\"chapter\" id=\"chapter-").append(esc(chapter.roman())).append('"');
    if (chapter.headingSectionId() != null) {
      out.append(" data-section-id=\"").append(esc(chapter.headingSectionId())).append('"');
    }
    out.append(">\n<h2 class=\"chapter-heading\"><span class=\"num\">")
        .append(esc(layout.labels.chapterNumeral(chapter.roman()))).append("</span> ")
        .append(esc(chapter.title())).append("</h2>\n");
    units(out, layout, chapter.units());
    for (ReportLayout.Section section : chapter.sections()) {
      out.append("<section class=\"section\" id=\"section-").append(esc(section.sectionId())).append("\">\n")
          .append("<h3 class=\"section-heading\"><span class=\"num\">").append(esc(section.letter())).append(".</span> ")
          .append(esc(section.title())).append("</h3>\n");
      units(out, layout, section.units());
      out.append("</section>\n");
    }
    out.append("</section>\n");
  }

  private static void units(StringBuilder out, ReportLayout layout, List<DraftUnit> units) {
    for (DraftUnit unit : units) {
      boolean draft = layout.isDraft(unit);
      out.append("<div class=\"unit ").append(ReportLayout.isDecision(unit) ? "decision" : "paragraph")
          .append(draft ? " draft" : "").append("\" id=\"").append(esc(ReportLayout.unitId(unit)))
          .append("\" data-status=\"").append(esc(ReportLayout.unitStatus(unit))).append('"');
      if (unit instanceof org.rapporteur.shared.draft.DecisionUnit decision) {
        out.append(" data-kind=\"").append(esc(String.valueOf(decision.kind()))).append('"');
      }
      out.append("><span class=\"num\">").append(esc(ReportLayout.number(unit))).append(".</span> ");
      text(out, layout, Segment.ofParagraph(layout.text(unit)));
      if (draft) {
        out.append("<span class=\"draft-marker\">").append(esc(layout.labels.draft())).append("</span>");
      }
      for (ReservationView reservation : layout.reservations(unit)) {
        out.append("<p class=\"reservation\" data-entity=\"").append(esc(reservation.entity()))
            .append("\" data-kind=\"").append(esc(String.valueOf(reservation.kind()))).append("\">")
            .append(esc(layout.reservationLine(reservation))).append("</p>");
      }
      out.append("</div>\n");
    }
  }

  // A list cannot sit inside a span: text before and after the agenda gets a span of its own.
  private static void text(StringBuilder out, ReportLayout layout, List<Segment> segments) {
    List<Segment> run = new java.util.ArrayList<>();
    for (Segment s : segments) {
      if (s instanceof Segment.Agenda) {
        textSpan(out, run);
        agenda(out, layout);
        run.clear();
      } else {
        run.add(s);
      }
    }
    textSpan(out, run);
  }

  private static void textSpan(StringBuilder out, List<Segment> run) {
    if (!run.isEmpty()) {
      out.append("<span class=\"text\">");
      segments(out, run);
      out.append("</span>");
    }
  }

  private static void segments(StringBuilder out, List<Segment> segments) {
    for (Segment s : segments) {
      if (s instanceof Segment.Plain p) {
        out.append(esc(p.text()));
      } else if (s instanceof Segment.Symbol sym) {
        out.append("<a class=\"symbol\" href=\"").append(esc(sym.url())).append("\">").append(esc(sym.symbol())).append("</a>");
      } else if (s instanceof Segment.FootnoteMark f) {
        out.append("<sup class=\"footnote-ref\"><a href=\"#footnote-").append(f.footnote()).append("\">")
            .append(f.marker()).append("</a></sup>");
      }
    }
  }

  private static void agenda(StringBuilder out, ReportLayout layout) {
    if (layout.agenda.isEmpty()) {
      return;
    }
    out.append("\n<ol class=\"agenda\">\n");
    for (AgendaItemView item : layout.agenda) {
      out.append("<li class=\"agenda-item\" value=\"").append(item.number()).append("\" data-item-id=\"")
          .append(esc(String.valueOf(item.itemId()))).append("\"><span class=\"num\">").append(item.number()).append(".</span>");
      textSpan(out, Segment.ofText(item.title()));
      out.append("</li>\n");
    }
    out.append("</ol>\n");
  }

  private static void annex(StringBuilder out, ReportLayout layout) {
    Labels labels = layout.labels;
    ReportLayout.Annex annex = layout.annex;
    out.append("<section class=\"annex\" id=\"annex\">\n<h2 class=\"annex-label\">").append(esc(labels.annex())).append("</h2>\n")
        .append("<h3 class=\"annex-title\">").append(esc(layout.annexTitle())).append("</h3>\n");
    officers(out, labels, "chair", labels.chair(), annex.chairs());
    officers(out, labels, "secretary", labels.secretary(), annex.secretaries());
    if (!annex.entities().isEmpty()) {
      out.append("<h4 class=\"entities-heading\">").append(esc(labels.unitedNationsEntities())).append("</h4>\n")
          .append("<table class=\"entities\">\n<tbody>\n");
      for (Map.Entry<String, List<ParticipantView>> e : annex.entities().entrySet()) {
        out.append("<tr class=\"entity\"><th scope=\"row\">").append(esc(e.getKey())).append("</th><td><ul class=\"representatives\">");
        for (ParticipantView p : e.getValue()) {
          out.append("<li class=\"person\" id=\"participant-").append(esc(String.valueOf(p.participantId()))).append("\">")
              .append(esc(p.name())).append("</li>");
        }
        out.append("</ul></td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }
    out.append("</section>\n");
  }

  private static void officers(StringBuilder out, Labels labels, String role, String label, List<ParticipantView> people) {
    for (ParticipantView p : people) {
      out.append("<p class=\"officer ").append(role).append("\" id=\"participant-").append(esc(String.valueOf(p.participantId())))
          .append("\"><span class=\"role\">").append(esc(label + labels.colon().strip())).append("</span> <span class=\"person\">")
          .append(esc(p.name())).append("</span>");
      if (p.entity() != null && !p.entity().isBlank()) {
        out.append(esc(labels.entityOpen())).append("<span class=\"entity\">").append(esc(p.entity())).append("</span>")
            .append(esc(labels.entityClose()));
      }
      out.append("</p>\n");
    }
  }

  /** Escapes for element content and double- or single-quoted attributes alike. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          b.append("&amp;");
          break;
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '"':
          b.append("&quot;");
          break;
        case '\'':
          b.append("&#39;");
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }
}
