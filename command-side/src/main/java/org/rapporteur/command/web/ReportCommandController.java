package org.rapporteur.command.web;

import static org.rapporteur.command.web.PathIds.body;
import static org.rapporteur.command.web.PathIds.bodyList;
import static org.rapporteur.command.web.PathIds.path;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.rapporteur.command.web.ReportCommandRequests.AdoptReportRequest;
import org.rapporteur.command.web.ReportCommandRequests.CorrectionRequest;
import org.rapporteur.command.web.ReportCommandRequests.IssueCorrigendumRequest;
import org.rapporteur.command.web.ReportCommandRequests.ProposeOralAmendmentRequest;
import org.rapporteur.command.web.ReportCommandRequests.RecordReservationRequest;
import org.rapporteur.shared.report.AcceptOralAmendment;
import org.rapporteur.shared.report.AdoptParagraphInSession;
import org.rapporteur.shared.report.BracketParagraph;
import org.rapporteur.shared.report.ConfirmReportAdoption;
import org.rapporteur.shared.report.CorrectParagraph;
import org.rapporteur.shared.report.CorrigendumId;
import org.rapporteur.shared.report.IssueCorrigendum;
import org.rapporteur.shared.report.IssuedCorrigendum;
import org.rapporteur.shared.report.OpenAdoptionSession;
import org.rapporteur.shared.report.OralAmendmentId;
import org.rapporteur.shared.report.ProposeOralAmendment;
import org.rapporteur.shared.report.RecordReservation;
import org.rapporteur.shared.report.ReservationId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.rapporteur.command.web.CommandResults.Accepted;
import org.rapporteur.command.web.ReportCommandRequests.AddMemberEntityRequest;
import org.rapporteur.command.web.ReportCommandRequests.AddParticipantRequest;
import org.rapporteur.command.web.ReportCommandRequests.AddSectionRequest;
import org.rapporteur.command.web.ReportCommandRequests.AmendAgendaItemRequest;
import org.rapporteur.command.web.ReportCommandRequests.ApproveParagraphRequest;
import org.rapporteur.command.web.ReportCommandRequests.CreateReportRequest;
import org.rapporteur.command.web.ReportCommandRequests.DraftParagraphRequest;
import org.rapporteur.command.web.ReportCommandRequests.NoFields;
import org.rapporteur.command.web.ReportCommandRequests.ProposeAgendaItemRequest;
import org.rapporteur.command.web.ReportCommandRequests.ProposeDecisionRequest;
import org.rapporteur.command.web.ReportCommandRequests.ReturnParagraphRequest;
import org.rapporteur.command.web.ReportCommandRequests.ReviseParagraphRequest;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.AddMemberEntity;
import org.rapporteur.shared.report.AddParticipant;
import org.rapporteur.shared.report.AddSection;
import org.rapporteur.shared.report.AdoptAgenda;
import org.rapporteur.shared.report.AdoptDecision;
import org.rapporteur.shared.report.AdoptReport;
import org.rapporteur.shared.report.AgendaItemId;
import org.rapporteur.shared.report.AmendAgendaItem;
import org.rapporteur.shared.report.ApproveParagraph;
import org.rapporteur.shared.report.CreateReport;
import org.rapporteur.shared.report.DecisionId;
import org.rapporteur.shared.report.DraftParagraph;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParticipantId;
import org.rapporteur.shared.report.ProposeAgendaItem;
import org.rapporteur.shared.report.ProposeDecision;
import org.rapporteur.shared.report.RemoveMemberEntity;
import org.rapporteur.shared.report.RemoveParticipant;
import org.rapporteur.shared.report.ReportCommand;
import org.rapporteur.shared.report.ReportHeader;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.ReturnParagraph;
import org.rapporteur.shared.report.ReviseParagraph;
import org.rapporteur.shared.report.SectionId;
import org.rapporteur.shared.report.SubmitParagraph;
import org.rapporteur.shared.report.WithdrawAgendaItem;
import org.rapporteur.shared.report.WithdrawParagraph;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The command API of API.md. Each method turns a request into one of the contract's commands,
 * with the caller as its actor, and answers with the ids it created and the report's position.
 * Who may do what is the aggregate's decision, checked per object.
 */
@Tag(name = "Commands", description = "Changes to a report; each answers with the report's position after it.")
@RestController
@RequestMapping("/api/reports")
class ReportCommandController {

  private final CommandGateway commands;

  ReportCommandController(CommandGateway commands) {
    this.commands = commands;
  }

  @Operation(operationId = "createReport", summary = "Create a report")
  @ApiResponse(responseCode = "201", description = "Created; Location names the new object.", useReturnTypeSchema = true)
  @PostMapping
  ResponseEntity<CommandResults.ReportCreated> createReport(
      @Valid @RequestBody CreateReportRequest request, Actor actor) {
    ReportId reportId =
        request.reportId() == null ? ReportId.random() : body(request.reportId(), "reportId", ReportId::of);
    ReportHeader header =
        new ReportHeader(
            request.body(),
            request.sessionNumber(),
            request.title(),
            request.venue(),
            request.startDate(),
            request.endDate(),
            request.language(),
            request.parentMeeting(),
            request.parentAgendaItem(),
            request.symbol(),
            request.footnotes());
    long position = send(new CreateReport(reportId, header, request.memberEntities(), actor));
    return ResponseEntity.created(URI.create("/api/reports/" + reportId))
        .body(new CommandResults.ReportCreated(reportId.value(), position));
  }

  @Operation(operationId = "proposeAgendaItem", summary = "Propose an agenda item")
  @ApiResponse(responseCode = "201", description = "Created; Location names the new object.", useReturnTypeSchema = true)
  @PostMapping("/{reportId}/agenda-items")
  ResponseEntity<CommandResults.AgendaItemCreated> proposeAgendaItem(
      @PathVariable String reportId, @Valid @RequestBody ProposeAgendaItemRequest request, Actor actor) {
    AgendaItemId itemId = AgendaItemId.random();
    long position =
        send(
            new ProposeAgendaItem(
                report(reportId),
                itemId,
                request.title(),
                body(request.afterItemId(), "afterItemId", AgendaItemId::of),
                actor));
    return created(reportId, "agenda-items", itemId.value(), new CommandResults.AgendaItemCreated(itemId.value(), position));
  }

  @Operation(operationId = "amendAgendaItem", summary = "Amend an agenda item's title")
  @PutMapping("/{reportId}/agenda-items/{itemId}")
  Accepted amendAgendaItem(
      @PathVariable String reportId,
      @PathVariable String itemId,
      @Valid @RequestBody AmendAgendaItemRequest request,
      Actor actor) {
    return accepted(
        new AmendAgendaItem(report(reportId), path(itemId, "agenda item", AgendaItemId::of), request.title(), actor));
  }

  @Operation(operationId = "withdrawAgendaItem", summary = "Withdraw an agenda item")
  @DeleteMapping("/{reportId}/agenda-items/{itemId}")
  Accepted withdrawAgendaItem(
      @PathVariable String reportId, @PathVariable String itemId, @RequestBody(required = false) NoFields none, Actor actor) {
    return accepted(new WithdrawAgendaItem(report(reportId), path(itemId, "agenda item", AgendaItemId::of), actor));
  }

  @Operation(operationId = "adoptAgenda", summary = "Adopt the agenda")
  @PostMapping("/{reportId}/agenda/adoption")
  Accepted adoptAgenda(@PathVariable String reportId, @RequestBody(required = false) NoFields none, Actor actor) {
    return accepted(new AdoptAgenda(report(reportId), actor));
  }

  @Operation(operationId = "addSection", summary = "Add a section")
  @ApiResponse(responseCode = "201", description = "Created; Location names the new object.", useReturnTypeSchema = true)
  @PostMapping("/{reportId}/sections")
  ResponseEntity<CommandResults.SectionCreated> addSection(
      @PathVariable String reportId, @Valid @RequestBody AddSectionRequest request, Actor actor) {
    SectionId sectionId = SectionId.random();
    long position =
        send(
            new AddSection(
                report(reportId),
                sectionId,
                request.chapter(),
                request.title(),
                bodyList(request.agendaItemIds(), "agendaItemIds", AgendaItemId::of),
                body(request.afterSectionId(), "afterSectionId", SectionId::of),
                actor));
    return created(reportId, "sections", sectionId.value(), new CommandResults.SectionCreated(sectionId.value(), position));
  }

  @Operation(operationId = "addParticipant", summary = "Add a participant to the annex")
  @ApiResponse(responseCode = "201", description = "Created; Location names the new object.", useReturnTypeSchema = true)
  @PostMapping("/{reportId}/participants")
  ResponseEntity<CommandResults.ParticipantCreated> addParticipant(
      @PathVariable String reportId, @Valid @RequestBody AddParticipantRequest request, Actor actor) {
    ParticipantId participantId = ParticipantId.random();
    long position =
        send(
            new AddParticipant(
                report(reportId), participantId, request.entity(), request.name(), request.role(), actor));
    return created(
        reportId,
        "participants",
        participantId.value(),
        new CommandResults.ParticipantCreated(participantId.value(), position));
  }

  @Operation(operationId = "removeParticipant", summary = "Remove a participant")
  @DeleteMapping("/{reportId}/participants/{participantId}")
  Accepted removeParticipant(
      @PathVariable String reportId, @PathVariable String participantId, @RequestBody(required = false) NoFields none, Actor actor) {
    return accepted(
        new RemoveParticipant(report(reportId), path(participantId, "participant", ParticipantId::of), actor));
  }

  @Operation(operationId = "addMemberEntity", summary = "Make an entity a member of the report")
  @ApiResponse(responseCode = "201", description = "Created; Location names the new object.", useReturnTypeSchema = true)
  @PostMapping("/{reportId}/members")
  ResponseEntity<CommandResults.MemberEntityAdded> addMemberEntity(
      @PathVariable String reportId, @Valid @RequestBody AddMemberEntityRequest request, Actor actor) {
    long position = send(new AddMemberEntity(report(reportId), request.entity(), actor));
    return created(reportId, "members", request.entity(), new CommandResults.MemberEntityAdded(request.entity(), position));
  }

  @Operation(operationId = "removeMemberEntity", summary = "End an entity's membership; its delegates lose access")
  @DeleteMapping("/{reportId}/members/{entity}")
  Accepted removeMemberEntity(
      @PathVariable String reportId, @PathVariable String entity, @RequestBody(required = false) NoFields none, Actor actor) {
    return accepted(new RemoveMemberEntity(report(reportId), entity, actor));
  }

  @Operation(operationId = "draftParagraph", summary = "Draft a paragraph")
  @ApiResponse(responseCode = "201", description = "Created; Location names the new object.", useReturnTypeSchema = true)
  @PostMapping("/{reportId}/paragraphs")
  ResponseEntity<CommandResults.ParagraphCreated> draftParagraph(
      @PathVariable String reportId, @Valid @RequestBody DraftParagraphRequest request, Actor actor) {
    ParagraphId paragraphId = ParagraphId.random();
    long position =
        send(
            new DraftParagraph(
                report(reportId),
                paragraphId,
                body(request.sectionId(), "sectionId", SectionId::of),
                request.text(),
                body(request.afterParagraphId(), "afterParagraphId", ParagraphId::of),
                actor));
    return created(
        reportId,
        "paragraphs",
        paragraphId.value(),
        new CommandResults.ParagraphCreated(paragraphId.value(), 1, position));
  }

  @Operation(operationId = "reviseParagraph", summary = "Revise a paragraph")
  @PutMapping("/{reportId}/paragraphs/{paragraphId}")
  CommandResults.ParagraphRevised reviseParagraph(
      @PathVariable String reportId,
      @PathVariable String paragraphId,
      @Valid @RequestBody ReviseParagraphRequest request,
      Actor actor) {
    long position =
        send(
            new ReviseParagraph(
                report(reportId), paragraph(paragraphId), request.text(), request.baseRevision(), actor));
    // A revision accepted on base n is revision n + 1: the aggregate refuses any other base.
    return new CommandResults.ParagraphRevised(request.baseRevision() + 1, position);
  }

  @Operation(operationId = "submitParagraph", summary = "Submit a paragraph for approval")
  @PostMapping("/{reportId}/paragraphs/{paragraphId}/submission")
  Accepted submitParagraph(
      @PathVariable String reportId, @PathVariable String paragraphId, @RequestBody(required = false) NoFields none, Actor actor) {
    return accepted(new SubmitParagraph(report(reportId), paragraph(paragraphId), actor));
  }

  @Operation(operationId = "approveParagraph", summary = "Approve a revision of a paragraph")
  @PostMapping("/{reportId}/paragraphs/{paragraphId}/approval")
  Accepted approveParagraph(
      @PathVariable String reportId,
      @PathVariable String paragraphId,
      @Valid @RequestBody ApproveParagraphRequest request,
      Actor actor) {
    return accepted(new ApproveParagraph(report(reportId), paragraph(paragraphId), request.revision(), actor));
  }

  @Operation(operationId = "returnParagraph", summary = "Return a paragraph to its author")
  @PostMapping("/{reportId}/paragraphs/{paragraphId}/return")
  Accepted returnParagraph(
      @PathVariable String reportId,
      @PathVariable String paragraphId,
      @Valid @RequestBody ReturnParagraphRequest request,
      Actor actor) {
    return accepted(new ReturnParagraph(report(reportId), paragraph(paragraphId), request.comment(), actor));
  }

  @Operation(operationId = "withdrawParagraph", summary = "Withdraw a paragraph")
  @DeleteMapping("/{reportId}/paragraphs/{paragraphId}")
  Accepted withdrawParagraph(
      @PathVariable String reportId, @PathVariable String paragraphId, @RequestBody(required = false) NoFields none, Actor actor) {
    return accepted(new WithdrawParagraph(report(reportId), paragraph(paragraphId), actor));
  }

  @Operation(operationId = "proposeDecision", summary = "Propose a decision")
  @ApiResponse(responseCode = "201", description = "Created; Location names the new object.", useReturnTypeSchema = true)
  @PostMapping("/{reportId}/decisions")
  ResponseEntity<CommandResults.DecisionCreated> proposeDecision(
      @PathVariable String reportId, @Valid @RequestBody ProposeDecisionRequest request, Actor actor) {
    DecisionId decisionId = DecisionId.random();
    long position =
        send(
            new ProposeDecision(
                report(reportId),
                decisionId,
                body(request.sectionId(), "sectionId", SectionId::of),
                request.kind(),
                request.text(),
                actor));
    return created(reportId, "decisions", decisionId.value(), new CommandResults.DecisionCreated(decisionId.value(), position));
  }

  @Operation(operationId = "adoptDecision", summary = "Adopt a decision")
  @PostMapping("/{reportId}/decisions/{decisionId}/adoption")
  Accepted adoptDecision(
      @PathVariable String reportId, @PathVariable String decisionId, @RequestBody(required = false) NoFields none, Actor actor) {
    return accepted(new AdoptDecision(report(reportId), path(decisionId, "decision", DecisionId::of), actor));
  }

  @Operation(operationId = "adoptReport", summary = "Adopt the report; in session, possibly ad referendum")
  @PostMapping("/{reportId}/adoption")
  Accepted adoptReport(
      @PathVariable String reportId, @Valid @RequestBody(required = false) AdoptReportRequest request, Actor actor) {
    boolean adReferendum = request != null && Boolean.TRUE.equals(request.adReferendum());
    return accepted(new AdoptReport(report(reportId), adReferendum, actor));
  }

  // ---- the adoption session (API.md 1.1) -------------------------------------------------------

  @Operation(operationId = "openAdoptionSession", summary = "Open the adoption session")
  @PostMapping("/{reportId}/session")
  Accepted openAdoptionSession(@PathVariable String reportId, @RequestBody(required = false) NoFields none, Actor actor) {
    return accepted(new OpenAdoptionSession(report(reportId), actor));
  }

  @Operation(operationId = "proposeOralAmendment", summary = "Record an oral amendment proposed from the floor")
  @ApiResponse(responseCode = "201", description = "Created; Location names the new object.", useReturnTypeSchema = true)
  @PostMapping("/{reportId}/paragraphs/{paragraphId}/oral-amendments")
  ResponseEntity<CommandResults.OralAmendmentCreated> proposeOralAmendment(
      @PathVariable String reportId,
      @PathVariable String paragraphId,
      @Valid @RequestBody ProposeOralAmendmentRequest request,
      Actor actor) {
    OralAmendmentId amendmentId = OralAmendmentId.random();
    long position =
        send(new ProposeOralAmendment(
            report(reportId), paragraph(paragraphId), amendmentId, request.text(), request.proposedBy(), actor));
    return created(reportId, "paragraphs/" + paragraphId + "/oral-amendments", amendmentId.value(),
        new CommandResults.OralAmendmentCreated(amendmentId.value(), position));
  }

  @Operation(operationId = "acceptOralAmendment", summary = "Accept an oral amendment: the paragraph reads as orally amended")
  @PostMapping("/{reportId}/paragraphs/{paragraphId}/oral-amendments/{amendmentId}/acceptance")
  Accepted acceptOralAmendment(
      @PathVariable String reportId,
      @PathVariable String paragraphId,
      @PathVariable String amendmentId,
      @RequestBody(required = false) NoFields none,
      Actor actor) {
    return accepted(new AcceptOralAmendment(
        report(reportId), paragraph(paragraphId), path(amendmentId, "oral amendment", OralAmendmentId::of), actor));
  }

  @Operation(operationId = "bracketParagraph", summary = "Put a paragraph in square brackets")
  @PostMapping("/{reportId}/paragraphs/{paragraphId}/brackets")
  Accepted bracketParagraph(
      @PathVariable String reportId, @PathVariable String paragraphId, @RequestBody(required = false) NoFields none, Actor actor) {
    return accepted(new BracketParagraph(report(reportId), paragraph(paragraphId), actor));
  }

  @Operation(operationId = "adoptParagraphInSession", summary = "Adopt a paragraph in session")
  @PostMapping("/{reportId}/paragraphs/{paragraphId}/session-adoption")
  Accepted adoptParagraphInSession(
      @PathVariable String reportId, @PathVariable String paragraphId, @RequestBody(required = false) NoFields none, Actor actor) {
    return accepted(new AdoptParagraphInSession(report(reportId), paragraph(paragraphId), actor));
  }

  @Operation(operationId = "recordReservation", summary = "Record a reservation or explanation of position in session")
  @ApiResponse(responseCode = "201", description = "Created; Location names the new object.", useReturnTypeSchema = true)
  @PostMapping("/{reportId}/reservations")
  ResponseEntity<CommandResults.ReservationCreated> recordReservation(
      @PathVariable String reportId, @Valid @RequestBody RecordReservationRequest request, Actor actor) {
    ReservationId reservationId = ReservationId.random();
    long position =
        send(new RecordReservation(
            report(reportId),
            reservationId,
            request.entity(),
            request.kind(),
            body(request.paragraphId(), "paragraphId", ParagraphId::of),
            body(request.decisionId(), "decisionId", DecisionId::of),
            request.text(),
            actor));
    return created(reportId, "reservations", reservationId.value(),
        new CommandResults.ReservationCreated(reservationId.value(), position));
  }

  @Operation(operationId = "confirmReportAdoption", summary = "Confirm a report adopted ad referendum")
  @PostMapping("/{reportId}/confirmation")
  Accepted confirmReportAdoption(@PathVariable String reportId, @RequestBody(required = false) NoFields none, Actor actor) {
    return accepted(new ConfirmReportAdoption(report(reportId), actor));
  }

  @Operation(operationId = "issueCorrigendum", summary = "Issue a corrigendum to the adopted report")
  @ApiResponse(responseCode = "201", description = "Created; Location names the corrigendum's document.", useReturnTypeSchema = true)
  @PostMapping("/{reportId}/corrigenda")
  ResponseEntity<CommandResults.CorrigendumCreated> issueCorrigendum(
      @PathVariable String reportId, @Valid @RequestBody IssueCorrigendumRequest request, Actor actor) {
    List<CorrectParagraph> changes = new ArrayList<>();
    for (int i = 0; i < request.changes().size(); i++) {
      CorrectionRequest change = request.changes().get(i);
      changes.add(new CorrectParagraph(
          body(change.paragraphId(), "changes[" + i + "].paragraphId", ParagraphId::of), change.text()));
    }
    IssuedCorrigendum result = commands.sendAndWait(
        new IssueCorrigendum(report(reportId), CorrigendumId.random(), changes, request.reason(), actor));
    return ResponseEntity.created(
            URI.create("/api/reports/" + reportId + "/corrigenda/" + result.number() + "/document.html"))
        .body(new CommandResults.CorrigendumCreated(
            result.corrigendumId(), result.number(), result.symbol(), result.position()));
  }

  private long send(ReportCommand command) {
    Object position = commands.sendAndWait(command);
    return ((Number) position).longValue();
  }

  private Accepted accepted(ReportCommand command) {
    return new Accepted(send(command));
  }

  private static <T> ResponseEntity<T> created(String reportId, String collection, String id, T body) {
    return ResponseEntity.created(URI.create("/api/reports/" + reportId + "/" + collection + "/" + id)).body(body);
  }

  private static ReportId report(String reportId) {
    return path(reportId, "report", ReportId::of);
  }

  private static ParagraphId paragraph(String paragraphId) {
    return path(paragraphId, "paragraph", ParagraphId::of);
  }
}
