package org.rapporteur.documents;

import java.util.List;
import java.util.Locale;
import org.rapporteur.shared.draft.DiffSegment;
import org.rapporteur.shared.history.ParagraphWhy;
import org.rapporteur.shared.history.WhyEntry;
import org.rapporteur.shared.report.Actor;

/**
 * A paragraph's "why" timeline as a self-contained, printable HTML page: one block per event,
 * labels in English, the paragraph's texts marked with the report's language. Every text is
 * escaped; the page loads nothing from elsewhere.
 */
public final class WhyDocument {

  private static final String CSS =
      """
      :root { color: #000; background: #fff; }
      body { margin: 0 auto; max-width: 18cm; padding: 1.5cm 1cm; font: 10.5pt/1.45 "Times New Roman", "Noto Serif CJK SC", "SimSun", serif; }
      h1 { font-size: 14pt; margin: 0 0 0.2em; }
      .subject { margin: 0 0 1.5em; }
      .event { border-top: 1px solid #999; padding: 0.5em 0 0.6em; }
      .event h2 { font-size: 11pt; margin: 0 0 0.3em; }
      .event dl { display: grid; grid-template-columns: 9em 1fr; margin: 0; gap: 0.1em 0.75em; }
      .event dt { color: #444; }
      .event dd { margin: 0; }
      .hash { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; word-break: break-all; }
      .text, .diff { white-space: pre-wrap; }
      .diff ins { background: #e3f6e3; text-decoration: underline; }
      .diff del { background: #fbe3e3; text-decoration: line-through; }
      .mismatch { color: #a00; font-weight: bold; }
      @page { size: A4; margin: 2cm; }
      @media print {
        body { max-width: none; padding: 0; }
        .event { break-inside: avoid; }
        .diff ins, .diff del { background: none; }
      }
      """;

  private WhyDocument() {}

  /**
   * The page.
   *
   * @param language the report's language (e.g. {@code en}, {@code zh}), for the texts' {@code lang}
   */
  public static String render(ParagraphWhy why, String language) {
    String lang = language == null || language.isBlank() ? Labels.of(language).htmlLang() : esc(language);
    StringBuilder out = new StringBuilder(4096);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Why paragraph ").append(esc(why.paragraphId())).append(" reads as it does</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body class=\"why\">\n")
        .append("<h1>Why paragraph ").append(esc(why.paragraphId())).append(" reads as it does</h1>\n")
        .append("<p class=\"subject\">Report ").append(esc(why.reportId())).append(", paragraph ")
        .append(esc(why.paragraphId())).append(": every event that touched it, oldest first.</p>\n<main>\n");
    for (WhyEntry entry : why.entries()) {
      event(out, entry, lang);
    }
    out.append("</main>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void event(StringBuilder out, WhyEntry e, String lang) {
    out.append("<section class=\"event ").append(esc(e.type())).append("\" data-position=\"").append(e.position())
        .append("\">\n<h2>").append(e.position()).append(". ").append(esc(title(e))).append("</h2>\n<dl>\n");
    row(out, "When", esc(String.valueOf(e.timestamp())));
    row(out, "Who", esc(who(e.actor())));
    if (e.authorEntity() != null) {
      row(out, "For entity", esc(e.authorEntity()));
    }
    if (e.baseRevision() != null) {
      row(out, "Revised from", "revision " + e.baseRevision());
    }
    if (Boolean.TRUE.equals(e.approvalReopened())) {
      row(out, "Approval", "reopened: the approved text went back to draft");
    }
    if (e.text() != null) {
      row(out, "Text", "<div class=\"text\" lang=\"" + lang + "\">" + esc(e.text()) + "</div>");
    }
    if (e.diff() != null && !"ParagraphDrafted".equals(e.type())) {
      row(out, "Changes", "<div class=\"diff\" lang=\"" + lang + "\">" + diff(e.diff()) + "</div>");
    }
    if (e.comment() != null) {
      row(out, "Comment", "<div class=\"text\" lang=\"" + lang + "\">" + esc(e.comment()) + "</div>");
    }
    if (e.textHash() != null) {
      row(out, "Text hash", "<span class=\"hash\">" + esc(e.textHash()) + "</span>");
      if (e.textHashMatches() != null) {
        row(out, "Text hash check", e.textHashMatches()
            ? "the SHA-256 of revision " + e.revision() + "'s text"
            : "<span class=\"mismatch\">NOT the SHA-256 of revision " + e.revision() + "'s text</span>");
      }
    }
    if (e.headHash() != null) {
      row(out, "Adopted head", "<span class=\"hash\">" + esc(e.headHash()) + "</span>");
    }
    row(out, "Event", "<span class=\"hash\">" + esc(e.eventId()) + "</span>");
    row(out, "Chain hash", e.hash() == null ? "none (stored before the chain)" : "<span class=\"hash\">" + esc(e.hash()) + "</span>");
    out.append("</dl>\n</section>\n");
  }

  private static String title(WhyEntry e) {
    return switch (e.type()) {
      case "ParagraphDrafted" -> "Drafted (revision " + e.revision() + ")";
      case "ParagraphRevised" -> "Revised (revision " + e.revision() + ")";
      case "ParagraphSubmitted" -> "Submitted revision " + e.revision() + " for approval";
      case "ParagraphReturned" -> "Returned revision " + e.revision() + " to its authors";
      case "ParagraphApproved" -> "Approved revision " + e.revision();
      case "ParagraphWithdrawn" -> "Withdrawn";
      case "ReportAdopted" -> "Report adopted";
      case "OralAmendmentProposed" -> "Oral amendment proposed by " + e.proposedBy();
      case "OralAmendmentAccepted" -> "Orally amended (revision " + e.revision() + "), as proposed by " + e.proposedBy();
      case "ParagraphBracketed" -> "Put in square brackets (revision " + e.revision() + ")";
      case "ParagraphAdoptedInSession" -> "Adopted in session (revision " + e.revision() + ")";
      case "ReservationRecorded" -> "Reservation or explanation of position of " + e.proposedBy();
      case "ReportAdoptedAdReferendum" -> "Report adopted ad referendum";
      case "ReportAdoptionConfirmed" -> "Report's adoption confirmed";
      case "CorrigendumIssued" -> "Corrected (revision " + e.revision() + ")"
          + (e.symbol() == null ? " by a corrigendum" : " by " + e.symbol());
      default -> e.type();
    };
  }

  private static String who(Actor actor) {
    if (actor == null) {
      return "";
    }
    String role = actor.role().name().toLowerCase(Locale.ROOT);
    return actor.user() + " (" + role + (actor.entity() == null ? "" : ", " + actor.entity()) + ")";
  }

  private static String diff(List<DiffSegment> segments) {
    StringBuilder b = new StringBuilder();
    for (DiffSegment s : segments) {
      switch (s.op()) {
        case EQUAL -> b.append(esc(s.text()));
        case INSERT -> b.append("<ins>").append(esc(s.text())).append("</ins>");
        case DELETE -> b.append("<del>").append(esc(s.text())).append("</del>");
      }
    }
    return b.toString();
  }

  private static void row(StringBuilder out, String label, String html) {
    out.append("<dt>").append(label).append("</dt><dd>").append(html).append("</dd>\n");
  }

  private static String esc(String s) {
    return HtmlDocument.esc(s);
  }
}
