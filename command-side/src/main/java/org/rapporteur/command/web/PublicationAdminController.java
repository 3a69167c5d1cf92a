package org.rapporteur.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.rapporteur.command.publishing.PublicationLedger;
import org.rapporteur.command.publishing.PublicationReplay;
import org.rapporteur.command.publishing.Reconciler;
import org.rapporteur.command.publishing.Republisher;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.ReportId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations on what reached Kafka: the comparison of store and log, and republication (admin only). */
@Tag(name = "Operations", description = "Admin only: the record's way to Kafka and the projections.")
@RestController
class PublicationAdminController {

  private final PublicationLedger ledger;
  private final Republisher republisher;
  private final Reconciler reconciler;
  private final PublicationReplay replay;

  PublicationAdminController(
      PublicationLedger ledger, Republisher republisher, Reconciler reconciler, PublicationReplay replay) {
    this.ledger = ledger;
    this.republisher = republisher;
    this.reconciler = reconciler;
    this.replay = replay;
  }

  /** What {@code GET /api/admin/publication} answers: reports stored further than published, refused events. */
  record Publication(List<PublicationLedger.Behind> behind, List<PublicationLedger.Unpublishable> unpublishable,
      long reportsRepublished) {}

  @Operation(operationId = "getPublication", summary = "Compare the event store with what reached Kafka")
  @GetMapping("/api/admin/publication")
  Publication publication() {
    return new Publication(ledger.behind(), ledger.unpublishable(), reconciler.republished());
  }

  /** Sends every stored event to Kafka again, in store order, in the background: fills a new or lost topic. */
  @Operation(operationId = "replayPublication", summary = "Send every stored event to Kafka again")
  @ApiResponse(responseCode = "202", description = "Accepted; runs in the background.", useReturnTypeSchema = true)
  @PostMapping("/api/admin/publication/replay")
  ResponseEntity<PublicationReplay.Started> replay(Actor actor) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(replay.replay(actor.user()));
  }

  /** Sends every stored event of the report to Kafka again; consumers drop what they have. */
  @Operation(operationId = "republishReport", summary = "Send one report's stored events to Kafka again")
  @PostMapping("/api/admin/reports/{reportId}/republication")
  Republisher.Outcome republish(@PathVariable String reportId, Actor actor) {
    return republisher.republishForAdmin(PathIds.path(reportId, "report", ReportId::of).value(), actor.user());
  }
}
