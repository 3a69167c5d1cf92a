package org.rapporteur.shared.report;

/** Withdraw a paragraph. */
public record WithdrawParagraph(
    ReportId reportId,
    ParagraphId paragraphId,
    Actor actor)
    implements ReportCommand {}
