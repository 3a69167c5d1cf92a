package org.rapporteur.shared.report;

/** A fact about one paragraph: what its history and the audit trail's paragraph filter select. */
public sealed interface ParagraphEvent extends ReportEvent
    permits ParagraphDrafted,
        ParagraphRevised,
        ParagraphSubmitted,
        ParagraphReturned,
        ParagraphApproved,
        ParagraphWithdrawn,
        OralAmendmentProposed,
        OralAmendmentAccepted,
        ParagraphBracketed,
        ParagraphAdoptedInSession {

  ParagraphId paragraphId();
}
