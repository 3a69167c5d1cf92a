package org.rapporteur.query.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.rapporteur.documents.AkomaNtosoDocument;
import org.rapporteur.documents.CorrigendumDocument;
import org.rapporteur.documents.HtmlDocument;
import org.rapporteur.documents.MarkdownDocument;
import org.rapporteur.documents.Provenance;
import org.rapporteur.documents.WhyDocument;
import org.rapporteur.query.draft.DraftState;
import org.rapporteur.query.history.ParagraphHistory;
import org.rapporteur.query.projection.AuditFilter;
import org.rapporteur.query.projection.ProjectionPositions;
import org.rapporteur.query.projection.ProjectionProperties;
import org.rapporteur.query.projection.ProjectionStore;
import org.rapporteur.query.draft.RecordedEvent;
import org.rapporteur.shared.draft.AuditEntry;
import org.rapporteur.shared.draft.CorrigendumView;
import org.rapporteur.shared.draft.MemberView;
import org.rapporteur.shared.draft.ParagraphRevisionView;
import org.rapporteur.shared.draft.ParagraphUnit;
import org.rapporteur.shared.draft.PendingApproval;
import org.rapporteur.shared.draft.ReportSummary;
import org.rapporteur.shared.draft.ReportDraft;
import org.rapporteur.shared.history.ParagraphWhy;
import org.rapporteur.shared.history.WhyTimeline;
import org.rapporteur.shared.integrity.HashChain;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.Identifiers;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.Role;
import org.rapporteur.shared.report.ParagraphStatus;
import org.rapporteur.shared.report.ReportStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The query API of API.md. Every query of one report accepts {@code minPosition} and waits for
 * the projection to reach it; drafts and documents also answer for a past {@code asOf} instant or
 * {@code atPosition}, folded from the report's events. Answers are serialised by the contract's
 * own JSON mapper, so the OpenAPI description names their types explicitly.
 */
@Tag(name = "Queries", description = "Reads of the projections; each waits for minPosition of the report it reads.")
@RestController
class ReportQueryController {

  private static final ObjectMapper JSON = ReportEventJson.mapper();
  private static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");
  private static final MediaType XML = MediaType.parseMediaType("application/akn+xml;charset=UTF-8");

  private final ProjectionStore store;
  private final ProjectionPositions positions;
  private final ProjectionProperties properties;

  ReportQueryController(ProjectionStore store, ProjectionPositions positions, ProjectionProperties properties) {
    this.store = store;
    this.positions = positions;
    this.properties = properties;
  }

  @Operation(operationId = "listReports", summary = "List the reports")
  @ApiResponse(
      responseCode = "200",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = ReportSummary.class))))
  @GetMapping(value = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> reports(Actor actor) {
    int generation = store.activeGeneration();
    return json(
        actor.is(Role.DELEGATE)
            ? (isBlank(actor.entity()) ? List.of() : store.reportsOfMember(generation, actor.entity()))
            : store.reports(generation));
  }

  @Operation(operationId = "getDraft", summary = "Read a report's draft, now or as it stood")
  @ApiResponse(
      responseCode = "200",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ReportDraft.class)))
  @GetMapping(value = "/api/reports/{reportId}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> draft(
      @PathVariable String reportId,
      @RequestParam(required = false) Long minPosition,
      @RequestParam(required = false) Instant asOf,
      @RequestParam(required = false) Long atPosition,
      Actor actor) {
    int generation = awaitPosition(reportId, minPosition, actor);
    if (asOf == null && atPosition == null) {
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .body(store.draftJson(generation, reportId).orElseThrow(() -> new QueryProblems.UnknownReport(reportId)));
    }
    return json(pastDraft(generation, reportId, asOf, atPosition));
  }

  @Operation(operationId = "getDocumentHtml", summary = "Read the report rendered as HTML")
  @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
  @GetMapping("/api/reports/{reportId}/document.html")
  ResponseEntity<String> html(
      @PathVariable String reportId,
      @RequestParam(required = false) Long minPosition,
      @RequestParam(required = false) Instant asOf,
      @RequestParam(required = false) Long atPosition,
      Actor actor) {
    return document(reportId, minPosition, asOf, atPosition, actor, MediaType.parseMediaType("text/html;charset=UTF-8"), HtmlDocument::render);
  }

  @Operation(operationId = "getDocumentMarkdown", summary = "Read the report rendered as Markdown")
  @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/markdown", schema = @Schema(type = "string")))
  @GetMapping("/api/reports/{reportId}/document.md")
  ResponseEntity<String> markdown(
      @PathVariable String reportId,
      @RequestParam(required = false) Long minPosition,
      @RequestParam(required = false) Instant asOf,
      @RequestParam(required = false) Long atPosition,
      Actor actor) {
    return document(reportId, minPosition, asOf, atPosition, actor, MARKDOWN, MarkdownDocument::render);
  }

  @Operation(operationId = "getDocumentAkomaNtoso", summary = "Read the report as Akoma Ntoso 3.0 XML")
  @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/akn+xml", schema = @Schema(type = "string")))
  @GetMapping("/api/reports/{reportId}/document.xml")
  ResponseEntity<String> akomaNtoso(
      @PathVariable String reportId,
      @RequestParam(required = false) Long minPosition,
      @RequestParam(required = false) Instant asOf,
      @RequestParam(required = false) Long atPosition,
      Actor actor) {
    return document(reportId, minPosition, asOf, atPosition, actor, XML, AkomaNtosoDocument::render);
  }

  @Operation(operationId = "getCorrigendumHtml", summary = "Read a corrigendum rendered as HTML")
  @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
  @GetMapping("/api/reports/{reportId}/corrigenda/{number}/document.html")
  ResponseEntity<String> corrigendumHtml(
      @PathVariable String reportId, @PathVariable String number, @RequestParam(required = false) Long minPosition,
      Actor actor) {
    return corrigendum(reportId, number, minPosition, actor, MediaType.parseMediaType("text/html;charset=UTF-8"),
        CorrigendumDocument::html);
  }

  @Operation(operationId = "getCorrigendumMarkdown", summary = "Read a corrigendum rendered as Markdown")
  @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/markdown", schema = @Schema(type = "string")))
  @GetMapping("/api/reports/{reportId}/corrigenda/{number}/document.md")
  ResponseEntity<String> corrigendumMarkdown(
      @PathVariable String reportId, @PathVariable String number, @RequestParam(required = false) Long minPosition,
      Actor actor) {
    return corrigendum(reportId, number, minPosition, actor, MARKDOWN, CorrigendumDocument::markdown);
  }

  @Operation(operationId = "getCorrigendumAkomaNtoso", summary = "Read a corrigendum as an Akoma Ntoso 3.0 amendment")
  @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/akn+xml", schema = @Schema(type = "string")))
  @GetMapping("/api/reports/{reportId}/corrigenda/{number}/document.xml")
  ResponseEntity<String> corrigendumAkomaNtoso(
      @PathVariable String reportId, @PathVariable String number, @RequestParam(required = false) Long minPosition,
      Actor actor) {
    return corrigendum(reportId, number, minPosition, actor, XML, CorrigendumDocument::akomaNtoso);
  }

  /** What a corrigendum renderer takes: the draft before it, the draft after it, the corrigendum, the record. */
  @FunctionalInterface
  private interface CorrigendumRenderer {
    String render(ReportDraft before, ReportDraft after, CorrigendumView corrigendum, Provenance from);
  }

  /**
   * Renders corrigendum {@code number} from the record: the report's events up to it, folded to the
   * draft before it (the text it corrects) and after it.
   */
  private ResponseEntity<String> corrigendum(
      String reportId, String number, Long minPosition, Actor actor, MediaType type, CorrigendumRenderer renderer) {
    int generation = awaitPosition(reportId, minPosition, actor);
    ReportDraft now = store.draft(generation, reportId).orElseThrow(() -> new QueryProblems.UnknownReport(reportId));
    CorrigendumView corrigendum = now.corrigenda().stream()
        .filter(c -> String.valueOf(c.number()).equals(number))
        .findFirst()
        .orElseThrow(() -> new QueryProblems.UnknownCorrigendum(number));
    List<RecordedEvent> events = store.events(generation, reportId, corrigendum.position());
    ReportDraft before = DraftState.atPosition(events, corrigendum.position() - 1);
    ReportDraft after = DraftState.fold(events).toView();
    Provenance from = new Provenance(corrigendum.position(), store.headHash(generation, reportId, corrigendum.position()));
    return ResponseEntity.ok().contentType(type).body(renderer.render(before, after, corrigendum, from));
  }

  @Operation(operationId = "getAuditTrail", summary = "Read the audit trail")
  @ApiResponse(
      responseCode = "200",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = AuditEntry.class))))
  @GetMapping(value = "/api/reports/{reportId}/audit", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> audit(
      @PathVariable String reportId,
      @RequestParam(required = false) Long minPosition,
      @RequestParam(defaultValue = "0") long afterPosition,
      @RequestParam(defaultValue = "1000") int limit,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) String paragraphId,
      Actor caller) {
    if (limit < 1 || limit > 10_000) {
      throw new QueryProblems.InvalidParameter("limit", "limit must be 1..10000");
    }
    if (type != null && !ReportEventJson.typeNames().contains(type)) {
      throw new QueryProblems.InvalidParameter("type", "unknown event type '" + type + "'");
    }
    int generation = awaitPosition(reportId, minPosition, caller);
    requireReport(generation, reportId);
    List<AuditEntry> entries =
        store.audit(generation, reportId, new AuditFilter(afterPosition, actor, type, from, to, paragraphId), limit + 1);
    ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
    if (entries.size() > limit) {
      entries = entries.subList(0, limit);
      String next =
          ServletUriComponentsBuilder.fromCurrentRequest()
              .replaceQueryParam("afterPosition", entries.get(limit - 1).position())
              .toUriString();
      answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
    }
    return answer.contentType(MediaType.APPLICATION_JSON).body(write(entries));
  }

  @Operation(operationId = "getParagraphHistory", summary = "Read a paragraph's revisions")
  @ApiResponse(
      responseCode = "200",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = ParagraphRevisionView.class))))
  @GetMapping(value = "/api/reports/{reportId}/paragraphs/{paragraphId}/history", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> history(
      @PathVariable String reportId,
      @PathVariable String paragraphId,
      @RequestParam(required = false) Long minPosition,
      Actor actor) {
    int generation = awaitPosition(reportId, minPosition, actor);
    requireReport(generation, reportId);
    if (!Identifiers.isValid(paragraphId)) {
      throw new QueryProblems.UnknownParagraph(paragraphId);
    }
    // Only the paragraph's own events, by index: a long report's other events are not read.
    List<RecordedEvent> events = store.paragraphEvents(generation, reportId, paragraphId);
    var history = ParagraphHistory.of(ParagraphId.of(paragraphId), events);
    if (history.isEmpty()) {
      throw new QueryProblems.UnknownParagraph(paragraphId);
    }
    return json(history);
  }

  @Operation(operationId = "getParagraphWhy", summary = "Read why a paragraph reads as it does: every event that touched it")
  @ApiResponse(
      responseCode = "200",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ParagraphWhy.class)))
  @GetMapping(value = "/api/reports/{reportId}/paragraphs/{paragraphId}/why", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> why(
      @PathVariable String reportId,
      @PathVariable String paragraphId,
      @RequestParam(required = false) Long minPosition,
      Actor actor) {
    return json(why(awaitPosition(reportId, minPosition, actor), reportId, paragraphId));
  }

  @Operation(operationId = "getParagraphWhyHtml", summary = "Read why a paragraph reads as it does, as a printable page")
  @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
  @GetMapping("/api/reports/{reportId}/paragraphs/{paragraphId}/why.html")
  ResponseEntity<String> whyHtml(
      @PathVariable String reportId,
      @PathVariable String paragraphId,
      @RequestParam(required = false) Long minPosition,
      Actor actor) {
    int generation = awaitPosition(reportId, minPosition, actor);
    ParagraphWhy why = why(generation, reportId, paragraphId);
    String language = store.draft(generation, reportId).map(ReportDraft::language).orElse(null);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
        .body(WhyDocument.render(why, language));
  }

  private ParagraphWhy why(int generation, String reportId, String paragraphId) {
    requireReport(generation, reportId);
    if (!Identifiers.isValid(paragraphId)) {
      throw new QueryProblems.UnknownParagraph(paragraphId);
    }
    return WhyTimeline.of(reportId, paragraphId, store.whyEvents(generation, reportId, paragraphId))
        .orElseThrow(() -> new QueryProblems.UnknownParagraph(paragraphId));
  }

  @Operation(operationId = "listPendingApprovals", summary = "List what waits for the chair")
  @ApiResponse(
      responseCode = "200",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = PendingApproval.class))))
  @GetMapping(value = "/api/approvals/pending", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> pending(
      @RequestParam(required = false) String reportId, @RequestParam(required = false) Long minPosition, Actor actor) {
    if (minPosition != null && reportId == null) {
      throw new QueryProblems.InvalidParameter("minPosition", "minPosition needs the reportId it refers to");
    }
    int generation = reportId == null ? store.activeGeneration() : awaitPosition(reportId, minPosition, actor);
    if (actor.is(Role.DELEGATE)) {
      return json(isBlank(actor.entity()) ? List.of() : store.pending(generation, reportId, actor.entity()));
    }
    return json(store.pending(generation, reportId));
  }

  @ApiResponse(
      responseCode = "200",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = MemberView.class))))
  @Operation(operationId = "listMembers", summary = "List a report's member entities")
  @GetMapping(value = "/api/reports/{reportId}/members", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> members(
      @PathVariable String reportId, @RequestParam(required = false) Long minPosition, Actor actor) {
    int generation = awaitPosition(reportId, minPosition, actor);
    requireReport(generation, reportId);
    return json(store.members(generation, reportId));
  }

  private ResponseEntity<String> document(
      String reportId, Long minPosition, Instant asOf, Long atPosition, Actor actor, MediaType type,
      BiFunction<ReportDraft, Provenance, String> renderer) {
    int generation = awaitPosition(reportId, minPosition, actor);
    ReportDraft draft =
        asOf == null && atPosition == null
            ? store.draft(generation, reportId).orElseThrow(() -> new QueryProblems.UnknownReport(reportId))
            : pastDraft(generation, reportId, asOf, atPosition);
    requireTextsAsApproved(generation, draft);
    Provenance from = new Provenance(draft.position(), store.headHash(generation, reportId, draft.position()));
    return ResponseEntity.ok().contentType(type).body(renderer.apply(draft, from));
  }

  /**
   * An adopted report is rendered only with the words its approvals fixed: a paragraph whose text
   * is not the text whose SHA-256 the last act that fixed it named (an approval, an accepted oral
   * amendment, an adoption in session, a corrigendum) refuses the rendition.
   */
  private void requireTextsAsApproved(int generation, ReportDraft draft) {
    if (!draft.status().isAdopted()) {
      return;
    }
    Map<String, String> approved = store.approvedTextHashes(generation, draft.reportId().value(), draft.position());
    List<String> differing = draft.sections().stream()
        .flatMap(section -> section.paragraphs().stream())
        .filter(unit -> unit instanceof ParagraphUnit)
        .map(unit -> (ParagraphUnit) unit)
        .filter(p -> p.status() != ParagraphStatus.WITHDRAWN && approved.containsKey(p.paragraphId().value()))
        .filter(p -> !HashChain.sha256(p.text()).equals(approved.get(p.paragraphId().value())))
        .map(p -> p.paragraphId().value())
        .toList();
    if (!differing.isEmpty()) {
      throw new QueryProblems.TextNotAsApproved(draft.reportId().value(), differing);
    }
  }

  private ReportDraft pastDraft(int generation, String reportId, Instant asOf, Long atPosition) {
    if (asOf != null && atPosition != null) {
      throw new QueryProblems.InvalidParameter("asOf", "give asOf or atPosition, not both");
    }
    long position = atPosition != null ? atPosition : store.positionAt(generation, reportId, asOf);
    if (position < 1) {
      throw atPosition != null
          ? new QueryProblems.InvalidParameter("atPosition", "atPosition must be 1 or more")
          : new QueryProblems.UnknownReport(reportId);
    }
    List<RecordedEvent> events = store.events(generation, reportId, position);
    if (events.isEmpty()) {
      throw new QueryProblems.UnknownReport(reportId);
    }
    if (atPosition != null && events.get(events.size() - 1).position() < atPosition) {
      throw new QueryProblems.InvalidParameter(
          "atPosition", "the report has no position " + atPosition + " yet (it is at " + events.get(events.size() - 1).position() + ")");
    }
    return DraftState.fold(events).toView();
  }

  /**
   * Waits for {@code minPosition} of a report the caller sees, or answers 503; returns the
   * generation to read. A report hidden from the caller is answered as one that does not exist:
   * 404 at once without {@code minPosition}; with it, the whole wait and then 503, as a report that
   * never comes would, unless the report admits the caller meanwhile.
   */
  private int awaitPosition(String reportId, Long minPosition, Actor actor) {
    if (!Identifiers.isValid(reportId)) {
      throw new QueryProblems.UnknownReport(reportId);
    }
    if (minPosition != null && minPosition > 0) {
      long deadline = System.nanoTime() + properties.maxPositionWait().toNanos();
      long awaited = minPosition;
      try {
        while (true) {
          Duration remaining = Duration.ofNanos(deadline - System.nanoTime());
          boolean reached =
              !remaining.isNegative()
                  && positions.await(
                      reportId, awaited, remaining, () -> store.position(store.activeGeneration(), reportId));
          if (!reached) {
            throw new QueryProblems.PositionNotReached(reportId, minPosition);
          }
          int generation = store.activeGeneration();
          if (sees(actor, generation, reportId)) {
            return generation;
          }
          awaited = Math.max(awaited, store.position(generation, reportId)) + 1;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new QueryProblems.PositionNotReached(reportId, minPosition);
      }
    }
    int generation = store.activeGeneration();
    if (!sees(actor, generation, reportId)) {
      throw new QueryProblems.UnknownReport(reportId);
    }
    return generation;
  }

  private boolean sees(Actor actor, int generation, String reportId) {
    return Visibility.sees(store, actor, generation, reportId);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private void requireReport(int generation, String reportId) {
    if (store.position(generation, reportId) == 0) {
      throw new QueryProblems.UnknownReport(reportId);
    }
  }

  private static ResponseEntity<String> json(Object value) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(write(value));
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
