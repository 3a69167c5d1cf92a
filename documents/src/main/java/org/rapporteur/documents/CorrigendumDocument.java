package org.rapporteur.documents;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.rapporteur.shared.draft.CorrigendumView;
import org.rapporteur.shared.draft.DiffSegment;
import org.rapporteur.shared.draft.DraftUnit;
import org.rapporteur.shared.draft.ParagraphUnit;
import org.rapporteur.shared.draft.ReportDraft;
import org.rapporteur.shared.draft.SectionView;
import org.rapporteur.shared.history.TextDiff;
import org.rapporteur.shared.report.ParagraphId;

/**
 * Renders a corrigendum as the UN issues one: the report's header under the corrigendum's own
 * symbol, then for each corrected paragraph "Paragraph 12" and "For ... read ...". Everything is
 * computed from the record: the draft just before the corrigendum (the text as adopted, or as the
 * last corrigendum left it) against the draft just after it. The words quoted are the smallest run
 * of whole words that changed.
 */
public final class CorrigendumDocument {

  /** One correction as printed. */
  record Correction(String paragraphId, String paragraphNumber, String forText, String readText) {}

  private final ReportDraft before;
  private final CorrigendumView corrigendum;
  private final ReportLayout layout;
  private final List<Correction> corrections;

  private CorrigendumDocument(ReportDraft before, ReportDraft after, CorrigendumView corrigendum) {
    this.before = before;
    this.corrigendum = corrigendum;
    this.layout = ReportLayout.of(before);
    this.corrections = corrections(before, after, corrigendum);
  }

  /** The HTML page of the corrigendum. */
  public static String html(ReportDraft before, ReportDraft after, CorrigendumView corrigendum, Provenance from) {
    return new CorrigendumDocument(before, after, corrigendum).html(from);
  }

  /** The Markdown text of the corrigendum. */
  public static String markdown(ReportDraft before, ReportDraft after, CorrigendumView corrigendum, Provenance from) {
    return new CorrigendumDocument(before, after, corrigendum).markdown(from);
  }

  /** The corrigendum in Akoma Ntoso 3.0: an amendment document that refers to the report. */
  public static String akomaNtoso(ReportDraft before, ReportDraft after, CorrigendumView corrigendum, Provenance from) {
    return new CorrigendumDocument(before, after, corrigendum).akomaNtoso(from);
  }

  // ---- what changed ----------------------------------------------------------------------------

  static List<Correction> corrections(ReportDraft before, ReportDraft after, CorrigendumView corrigendum) {
    List<Correction> out = new ArrayList<>();
    for (ParagraphId id : corrigendum.paragraphIds()) {
      ParagraphUnit old = paragraph(before, id);
      ParagraphUnit corrected = paragraph(after, id);
      if (old == null || corrected == null) {
        continue;
      }
      String[] forRead = forRead(old.text(), corrected.text());
      out.add(new Correction(id.value(), ReportLayout.number(old), forRead[0], forRead[1]));
    }
    return out;
  }

  private static ParagraphUnit paragraph(ReportDraft draft, ParagraphId id) {
    for (SectionView section : draft.sections()) {
      for (DraftUnit unit : section.paragraphs()) {
        if (unit instanceof ParagraphUnit p && p.paragraphId().equals(id)) {
          return p;
        }
      }
    }
    return null;
  }

  /**
   * The words to replace and their replacement: the run from the first to the last character that
   * differs, widened to whole words (up to white space, or to a Han character, which is a word of
   * its own), so that "76/76" is quoted rather than "76".
   */
  static String[] forRead(String oldText, String newText) {
    List<DiffSegment> diff = TextDiff.between(oldText, newText);
    int first = -1;
    int last = -1;
    for (int i = 0; i < diff.size(); i++) {
      if (diff.get(i).op() != DiffSegment.Operation.EQUAL) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    if (first < 0) {
      return new String[] {"", ""};
    }
    // The text before the first change and after the last is the same in both versions.
    int prefix = 0;
    for (int i = 0; i < first; i++) {
      prefix += diff.get(i).text().length();
    }
    int suffix = 0;
    for (int i = last + 1; i < diff.size(); i++) {
      suffix += diff.get(i).text().length();
    }
    while (prefix > 0 && inWord(oldText.charAt(prefix - 1))) {
      prefix--;
    }
    while (suffix > 0 && inWord(oldText.charAt(oldText.length() - suffix))) {
      suffix--;
    }
    String forText = oldText.substring(prefix, oldText.length() - suffix).strip();
    if (forText.isEmpty() && prefix > 0) {
      // Words inserted between words: quote the word before them on both sides.
      int wordEnd = prefix;
      while (wordEnd > 0 && Character.isWhitespace(oldText.charAt(wordEnd - 1))) {
        wordEnd--;
      }
      int wordStart = wordEnd;
      while (wordStart > 0 && inWord(oldText.charAt(wordStart - 1))) {
        wordStart--;
      }
      prefix = wordStart;
      forText = oldText.substring(prefix, oldText.length() - suffix).strip();
    }
    return new String[] {forText, newText.substring(prefix, newText.length() - suffix).strip()};
  }

  private static boolean inWord(char c) {
    return !Character.isWhitespace(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN;
  }

  // ---- HTML ------------------------------------------------------------------------------------

  private String html(Provenance from) {
    Labels labels = layout.labels;
    StringBuilder out = new StringBuilder(4096);
    out.append("<!DOCTYPE html>\n<html lang=\"").append(labels.htmlLang()).append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n")
        .append("<title>").append(esc(title())).append("</title>\n")
        .append("<style>\nbody { margin: 0 auto; max-width: 17cm; padding: 1.5cm 1cm; font: 11pt/1.5 \"Times New Roman\", serif; }\n")
        .append(".report-symbol { text-align: right; font-weight: bold; border-bottom: 2px solid #000; }\n")
        .append(".report-title { font-size: 15pt; text-align: center; } .corrigendum-label { text-align: center; font-weight: bold; }\n")
        .append(".for-read em { font-style: italic; }\n</style>\n</head>\n")
        .append("<body class=\"corrigendum\" data-report-id=\"").append(esc(String.valueOf(before.reportId())))
        .append("\" data-corrigendum=\"").append(corrigendum.number()).append("\">\n<header class=\"report-header\">\n");
    if (corrigendum.symbol() != null) {
      out.append("<p class=\"report-symbol\">").append(esc(corrigendum.symbol())).append("</p>\n");
    }
    for (String line : layout.headerLines()) {
      out.append("<p class=\"header-line\">").append(esc(line)).append("</p>\n");
    }
    out.append("<h1 class=\"report-title\">").append(esc(before.title())).append("</h1>\n")
        .append("<p class=\"session-dates\">").append(esc(layout.venueAndDates())).append("</p>\n")
        .append("<p class=\"corrigendum-label\">").append(esc(labels.corrigendum())).append("</p>\n</header>\n")
        .append("<main>\n<ol class=\"corrections\">\n");
    for (Correction c : corrections) {
      out.append("<li class=\"correction\" data-paragraph-id=\"").append(esc(c.paragraphId())).append("\">")
          .append("<p class=\"paragraph-ref\">").append(esc(labels.paragraphReference(c.paragraphNumber()))).append("</p>")
          .append("<p class=\"for-read\"><em>").append(esc(labels.forWord())).append("</em> ")
          .append(esc(quoted(c.forText()))).append(" <em>").append(esc(labels.readWord())).append("</em> ")
          .append(esc(quoted(c.readText()))).append("</p></li>\n");
    }
    out.append("</ol>\n</main>\n");
    if (from != null) {
      out.append("<footer class=\"record-provenance\"><p>").append(esc(from.line())).append("</p></footer>\n");
    }
    return out.append("</body>\n</html>\n").toString();
  }

  // ---- Markdown --------------------------------------------------------------------------------

  private String markdown(Provenance from) {
    Labels labels = layout.labels;
    StringBuilder out = new StringBuilder(2048);
    if (corrigendum.symbol() != null) {
      block(out, MarkdownDocument.esc(corrigendum.symbol()));
    }
    for (String line : layout.headerLines()) {
      block(out, MarkdownDocument.esc(line));
    }
    block(out, "# " + MarkdownDocument.esc(before.title()));
    block(out, MarkdownDocument.esc(layout.venueAndDates()));
    block(out, "**" + MarkdownDocument.esc(labels.corrigendum()) + "**");
    int n = 0;
    for (Correction c : corrections) {
      block(out, (++n) + "\\. " + MarkdownDocument.esc(labels.paragraphReference(c.paragraphNumber())));
      block(out, "*" + MarkdownDocument.esc(labels.forWord()) + "* " + MarkdownDocument.esc(quoted(c.forText()))
          + " *" + MarkdownDocument.esc(labels.readWord()) + "* " + MarkdownDocument.esc(quoted(c.readText())));
    }
    if (from != null) {
      block(out, "---");
      block(out, MarkdownDocument.esc(from.line()));
    }
    return out.toString();
  }

  private static void block(StringBuilder out, String text) {
    out.append(text).append("\n\n");
  }

  // ---- Akoma Ntoso -----------------------------------------------------------------------------

  private String akomaNtoso(Provenance from) {
    AkomaNtosoDocument.Identity report = AkomaNtosoDocument.identityOf(before);
    LocalDate date = corrigendum.at() == null ? LocalDate.EPOCH : LocalDate.ofInstant(corrigendum.at(), ZoneOffset.UTC);
    String work = "/akn/un/amendment/corrigendum/" + report.actor() + "/" + date + "/" + report.number() + "-Corr."
        + corrigendum.number();
    String expression = work + "/" + report.language() + "@" + date;
    String showAs = corrigendum.symbol() != null ? corrigendum.symbol() : report.showAs() + "/Corr." + corrigendum.number();
    StringBuilder out = new StringBuilder(4096);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<akomaNtoso xmlns=\"").append(AkomaNtosoDocument.NAMESPACE).append("\">\n")
        .append("  <amendment name=\"corrigendum\">\n    <meta>\n")
        .append("      <identification source=\"#rapporteur\">\n        <FRBRWork>\n")
        .append("          <FRBRthis value=\"").append(x(work)).append("/!main\"/>\n")
        .append("          <FRBRuri value=\"").append(x(work)).append("\"/>\n")
        .append("          <FRBRdate date=\"").append(date).append("\" name=\"corrigendum\"/>\n")
        .append("          <FRBRauthor href=\"#body\"/>\n          <FRBRcountry value=\"un\"/>\n")
        .append("          <FRBRnumber value=\"Corr.").append(corrigendum.number()).append("\" showAs=\"").append(x(showAs)).append("\"/>\n")
        .append("        </FRBRWork>\n        <FRBRExpression>\n")
        .append("          <FRBRthis value=\"").append(x(expression)).append("/!main\"/>\n")
        .append("          <FRBRuri value=\"").append(x(expression)).append("\"/>\n")
        .append("          <FRBRdate date=\"").append(date).append("\" name=\"corrigendum\"/>\n")
        .append("          <FRBRauthor href=\"#body\"/>\n")
        .append("          <FRBRlanguage language=\"").append(report.language()).append("\"/>\n")
        .append("        </FRBRExpression>\n        <FRBRManifestation>\n")
        .append("          <FRBRthis value=\"").append(x(expression)).append("/!main.xml\"/>\n")
        .append("          <FRBRuri value=\"").append(x(expression)).append(".akn\"/>\n")
        .append("          <FRBRdate date=\"").append(date).append("\" name=\"position-").append(corrigendum.position()).append("\"/>\n")
        .append("          <FRBRauthor href=\"#rapporteur\"/>\n")
        .append("        </FRBRManifestation>\n      </identification>\n")
        .append("      <references source=\"#rapporteur\">\n")
        .append("        <activeRef eId=\"report\" href=\"").append(x(report.expressionIri())).append("\" showAs=\"")
        .append(x(report.showAs())).append("\"/>\n")
        .append("        <TLCOrganization eId=\"body\" href=\"/akn/ontology/organizations/un/").append(x(report.actor()))
        .append("\" showAs=\"").append(x(before.body() == null ? report.actor() : before.body())).append("\"/>\n")
        .append("        <TLCOrganization eId=\"rapporteur\" href=\"/akn/ontology/organizations/rapporteur\" showAs=\"Rapporteur\"/>\n")
        .append("      </references>\n");
    if (from != null) {
      out.append("      <proprietary source=\"#rapporteur\">\n        <rapporteur:record xmlns:rapporteur=\"")
          .append(AkomaNtosoDocument.RECORD_NAMESPACE).append("\" position=\"").append(from.position()).append('"')
          .append(from.headHash() == null ? "" : " headHash=\"" + x(from.headHash()) + "\"").append("/>\n      </proprietary>\n");
    }
    out.append("    </meta>\n    <preface>\n");
    if (corrigendum.symbol() != null) {
      out.append("      <p class=\"symbol\"><docNumber>").append(x(corrigendum.symbol())).append("</docNumber></p>\n");
    }
    out.append("      <longTitle><p><docTitle>").append(x(before.title())).append("</docTitle></p></longTitle>\n")
        .append("      <p class=\"corrigendum\">").append(x(layout.labels.corrigendum())).append("</p>\n")
        .append("    </preface>\n    <amendmentBody>\n");
    int n = 0;
    for (Correction c : corrections) {
      String ref = report.expressionIri() + "/!main#para_" + c.paragraphNumber().replace(" ", "");
      out.append("      <amendmentContent eId=\"corr_").append(++n).append("\" wId=\"").append(x(c.paragraphId())).append("\">\n")
          .append("        <p class=\"paragraphReference\"><ref href=\"").append(x(ref)).append("\">")
          .append(x(layout.labels.paragraphReference(c.paragraphNumber()))).append("</ref></p>\n")
          .append("        <p class=\"forRead\"><mod eId=\"corr_").append(n).append("__mod_1\">")
          .append(x(layout.labels.forWord())).append(" <quotedText eId=\"corr_").append(n).append("__mod_1__qtext_1\">")
          .append(x(c.forText())).append("</quotedText> ").append(x(layout.labels.readWord()))
          .append(" <quotedText eId=\"corr_").append(n).append("__mod_1__qtext_2\">").append(x(c.readText()))
          .append("</quotedText></mod></p>\n")
          .append("      </amendmentContent>\n");
    }
    return out.append("    </amendmentBody>\n  </amendment>\n</akomaNtoso>\n").toString();
  }

  // ---- words -----------------------------------------------------------------------------------

  private String title() {
    return (corrigendum.symbol() != null ? corrigendum.symbol() + " " : "") + layout.labels.corrigendum();
  }

  /** Chinese quotes the words; English prints them bare, in the UN's style. */
  private String quoted(String words) {
    return layout.labels.chinese() ? "“" + words + "”" : words;
  }

  private static String esc(String s) {
    return HtmlDocument.esc(s);
  }

  private static String x(String s) {
    return AkomaNtosoDocument.x(s);
  }
}
