package org.rapporteur.documents;

import java.util.List;
import java.util.Map;
import org.rapporteur.shared.draft.AgendaItemView;
import org.rapporteur.shared.draft.DraftUnit;
import org.rapporteur.shared.draft.ParticipantView;
import org.rapporteur.shared.draft.ReportDraft;
import org.rapporteur.shared.draft.ReservationView;

/**
 * Renders a report draft as Markdown (CommonMark): the same content as the HTML page, with
 * paragraph numbers written as "5\. text" so that no renderer renumbers them as a list.
 */
public final class MarkdownDocument {

  private final ReportLayout layout;
  private final ReportDraft draft;
  private final StringBuilder out = new StringBuilder(8192);

  private MarkdownDocument(ReportDraft draft) {
    this.layout = ReportLayout.of(draft);
    this.draft = draft;
  }

  /** The Markdown text for the draft as it stands. */
  public static String render(ReportDraft draft) {
    return new MarkdownDocument(draft).document();
  }

  /** The Markdown text, ending with a line naming the record it was rendered from (none when null). */
  public static String render(ReportDraft draft, Provenance from) {
    MarkdownDocument document = new MarkdownDocument(draft);
    String text = document.document();
    if (from == null) {
      return text;
    }
    document.block("---");
    document.block(esc(from.line()));
    return document.out.toString();
  }

  private String document() {
    int notes = draft.footnotes().size();
    if (draft.symbol() != null && !draft.symbol().isBlank()) {
      block(esc(draft.symbol().strip()));
    }
    for (String line : layout.headerLines()) {
      block(startOfBlock(inline(Segment.ofHeaderLine(line, notes))));
    }
    block("# " + inline(Segment.ofHeaderLine(draft.title() == null ? "" : draft.title(), notes)));
    block(esc(layout.venueAndDates()));
    for (int i = 0; i < notes; i++) {
      block(esc("*".repeat(i + 1)) + " " + inline(Segment.ofText(draft.footnotes().get(i))));
    }
    for (ReportLayout.Chapter chapter : layout.chapters) {
      block("## " + esc(layout.labels.chapterNumeral(chapter.roman())) + " " + esc(chapter.title()));
      units(chapter.units());
      for (ReportLayout.Section section : chapter.sections()) {
        block("### " + esc(section.letter()) + ". " + esc(section.title()));
        units(section.units());
      }
    }
    if (layout.annex != null) {
      annex();
    }
    return out.toString();
  }

  private void units(List<DraftUnit> units) {
    String marker = " **" + esc(layout.labels.draft()) + "**";
    for (DraftUnit unit : units) {
      StringBuilder text = new StringBuilder(ReportLayout.number(unit) + "\\. ");
      boolean first = true;
      for (Segment s : Segment.ofParagraph(layout.text(unit))) {
        if (s instanceof Segment.Agenda) {
          flush(text, first);
          first = false;
          agenda();
        } else {
          text.append(inline(List.of(s)));
        }
      }
      if (layout.isDraft(unit)) {
        text.append(marker);
      }
      flush(text, first);
      for (ReservationView reservation : layout.reservations(unit)) {
        block(startOfBlock("*" + esc(layout.reservationLine(reservation)) + "*"));
      }
    }
  }

  // Text after an embedded agenda starts a new block; escape what would open a list there.
  private void flush(StringBuilder text, boolean first) {
    String t = text.toString().strip();
    if (!t.isEmpty()) {
      block(first ? t : startOfBlock(t));
    }
    text.setLength(0);
  }

  private void agenda() {
    if (layout.agenda.isEmpty()) {
      return;
    }
    StringBuilder list = new StringBuilder();
    for (AgendaItemView item : layout.agenda) {
      list.append(item.number()).append(". ").append(inline(Segment.ofText(item.title()))).append('\n');
    }
    block(list.toString().stripTrailing());
  }

  private void annex() {
    Labels labels = layout.labels;
    ReportLayout.Annex annex = layout.annex;
    block("## " + esc(labels.annex()));
    block("### " + esc(layout.annexTitle()));
    officers(labels.chair(), annex.chairs());
    officers(labels.secretary(), annex.secretaries());
    if (!annex.entities().isEmpty()) {
      block("#### " + esc(labels.unitedNationsEntities()));
      StringBuilder list = new StringBuilder();
      for (Map.Entry<String, List<ParticipantView>> e : annex.entities().entrySet()) {
        list.append("- ").append(esc(e.getKey())).append('\n');
        for (ParticipantView p : e.getValue()) {
          list.append("  - ").append(esc(p.name())).append('\n');
        }
      }
      block(list.toString().stripTrailing());
    }
  }

  private void officers(String label, List<ParticipantView> people) {
    for (ParticipantView p : people) {
      block(esc(label + layout.labels.colon().strip()) + " " + esc(layout.labels.personWithEntity(p.name(), p.entity())));
    }
  }

  private void block(String text) {
    out.append(text).append("\n\n");
  }

  private static String inline(List<Segment> segments) {
    StringBuilder b = new StringBuilder();
    for (Segment s : segments) {
      if (s instanceof Segment.Plain p) {
        b.append(esc(p.text()));
      } else if (s instanceof Segment.Symbol sym) {
        b.append('[').append(esc(sym.symbol())).append("](").append(sym.url()).append(')');
      } else if (s instanceof Segment.FootnoteMark f) {
        b.append(esc(f.marker()));
      }
    }
    return b.toString();
  }

  /** Backslash-escapes the characters that carry Markdown or HTML meaning inside a line. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        b.append(' '); // a paragraph stays one block; a newline could start a list or heading
      } else if ("\\`*_[]{}<>#|!&~".indexOf(c) >= 0) {
        b.append('\\').append(c);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** A block that begins with "-", "+", "=" or "1." would become a list or heading: escape it. */
  private static String startOfBlock(String line) {
    if (line.startsWith("-") || line.startsWith("+") || line.startsWith("=")) {
      return "\\" + line;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)([.)])").matcher(line);
    return m.find() ? m.group(1) + "\\" + line.substring(m.end(1)) : line;
  }
}
