package org.rapporteur.command.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The request bodies of the command API. They hold only what a caller may choose: who acted,
 * statuses, authors and revision numbers come from authentication and the aggregate, and an
 * unknown field is rejected rather than ignored.
 */
final class ReportCommandRequests {

  static final int TITLE = 500;
  static final int TEXT = 20_000;

  private ReportCommandRequests() {}

  record CreateReportRequest(
      String reportId,
      @NotBlank @Size(max = TITLE) String body,
      @NotNull @Positive Integer sessionNumber,
      @NotBlank @Size(max = TITLE) String title,
      @NotBlank @Size(max = TITLE) String venue,
      @NotNull LocalDate startDate,
      @NotNull LocalDate endDate,
      @NotBlank @Size(max = 35) String language,
      @Size(max = TEXT) String parentMeeting,
      @Size(max = TEXT) String parentAgendaItem,
      @Size(max = 100) String symbol,
      @Size(max = 20) List<@NotBlank @Size(max = TEXT) String> footnotes,
      @Size(max = 1000) List<@NotBlank @Size(max = TITLE) String> memberEntities) {}

  record AddMemberEntityRequest(@NotBlank @Size(max = TITLE) String entity) {}

  /**
   * The body of a command that takes no fields: none at all, or {@code {}}. Declared so that a
   * body trying to set something (a status, who acted) is refused by name, not silently ignored.
   */
  record NoFields() {}

  record ProposeAgendaItemRequest(@NotBlank @Size(max = TITLE) String title, String afterItemId) {}

  record AmendAgendaItemRequest(@NotBlank @Size(max = TITLE) String title) {}

  record AddSectionRequest(
      @NotBlank @Size(max = 10) String chapter,
      @NotBlank @Size(max = TEXT) String title,
      @Size(max = 100) List<@NotBlank String> agendaItemIds,
      String afterSectionId) {}

  record AddParticipantRequest(
      @NotBlank @Size(max = TITLE) String entity,
      @NotBlank @Size(max = TITLE) String name,
      @NotNull org.rapporteur.shared.report.ParticipantRole role) {}

  record DraftParagraphRequest(
      @NotBlank String sectionId, @NotBlank @Size(max = TEXT) String text, String afterParagraphId) {}

  record ReviseParagraphRequest(@NotBlank @Size(max = TEXT) String text, @NotNull @Positive Integer baseRevision) {}

  record ApproveParagraphRequest(@NotNull @Positive Integer revision) {}

  record ReturnParagraphRequest(@NotBlank @Size(max = TEXT) String comment) {}

  record ProposeDecisionRequest(
      @NotBlank String sectionId,
      @NotNull org.rapporteur.shared.report.DecisionKind kind,
      @NotBlank @Size(max = TEXT) String text) {}

  record ProposeOralAmendmentRequest(@NotBlank @Size(max = TEXT) String text, @NotBlank @Size(max = TITLE) String proposedBy) {}

  /** {@code adReferendum} is left out, or false, for an adoption outright. */
  record AdoptReportRequest(Boolean adReferendum) {}

  record CorrectionRequest(@NotBlank String paragraphId, @NotBlank @Size(max = TEXT) String text) {}

  record IssueCorrigendumRequest(
      @NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid CorrectionRequest> changes,
      @NotBlank @Size(max = TEXT) String reason) {}

  record RecordReservationRequest(
      @NotBlank @Size(max = TITLE) String entity,
      @NotNull org.rapporteur.shared.report.ReservationKind kind,
      String paragraphId,
      String decisionId,
      @NotBlank @Size(max = TEXT) String text) {}
}
