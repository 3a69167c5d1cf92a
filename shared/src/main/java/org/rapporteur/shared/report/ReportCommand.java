package org.rapporteur.shared.report;

/**
 * An intention to change one report, named in the imperative. The {@code actor} is set by the
 * command side from the authenticated identity, never from a request body.
 */
public sealed interface ReportCommand
    permits CreateReport,
        ProposeAgendaItem,
        AmendAgendaItem,
        WithdrawAgendaItem,
        AdoptAgenda,
        AddSection,
        AddParticipant,
        RemoveParticipant,
        AddMemberEntity,
        RemoveMemberEntity,
        DraftParagraph,
        ReviseParagraph,
        SubmitParagraph,
        ApproveParagraph,
        ReturnParagraph,
        WithdrawParagraph,
        ProposeDecision,
        AdoptDecision,
        AdoptReport,
        OpenAdoptionSession,
        ProposeOralAmendment,
        AcceptOralAmendment,
        BracketParagraph,
        AdoptParagraphInSession,
        ConfirmReportAdoption,
        IssueCorrigendum,
        RecordReservation {

  ReportId reportId();

  Actor actor();
}
