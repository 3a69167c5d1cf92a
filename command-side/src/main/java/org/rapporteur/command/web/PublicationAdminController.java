package org.rapporteur.command.web;

import java.util.List;
import org.rapporteur.command.publishing.PublicationLedger;
import org.rapporteur.command.publishing.Reconciler;
import org.rapporteur.command.publishing.Republisher;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.ReportId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations on what reached Kafka: the comparison of store and log, and republication (admin only). */
@RestController
class PublicationAdminController {

  private final PublicationLedger ledger;
  private final Republisher republisher;
  private final Reconciler reconciler;

  PublicationAdminController(PublicationLedger ledger, Republisher republisher, Reconciler reconciler) {
    this.ledger = ledger;
    this.republisher = republisher;
    this.reconciler = reconciler;
  }

  /** What {@code GET /api/admin/publication} answers: reports stored further than published, refused events. */
  record Publication(List<PublicationLedger.Behind> behind, List<PublicationLedger.Unpublishable> unpublishable,
      long reportsRepublished) {}

  @GetMapping("/api/admin/publication")
  Publication publication() {
    return new Publication(ledger.behind(), ledger.unpublishable(), reconciler.republished());
  }

  /** Sends every stored event of the report to Kafka again; consumers drop what they have. */
  @PostMapping("/api/admin/reports/{reportId}/republication")
  Republisher.Outcome republish(@PathVariable String reportId, Actor actor) {
    return republisher.republishForAdmin(PathIds.path(reportId, "report", ReportId::of).value(), actor.user());
  }
}
