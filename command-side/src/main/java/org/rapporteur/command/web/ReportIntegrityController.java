package org.rapporteur.command.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.rapporteur.command.integrity.ChainVerifier;
import org.rapporteur.command.integrity.ReportVisibility;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.ReportId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The record's integrity, read from the event store (API.md 1.1): served by the command side,
 * which holds the store; the front door routes these GETs here.
 */
@RestController
class ReportIntegrityController {

  private final ChainVerifier verifier;
  private final ReportVisibility visibility;

  ReportIntegrityController(ChainVerifier verifier, ReportVisibility visibility) {
    this.verifier = verifier;
    this.visibility = visibility;
  }

  @GetMapping(value = "/api/reports/{reportId}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
  ChainVerifier.Verification verification(@PathVariable String reportId, Actor actor) {
    return verifier.verify(visible(reportId, actor));
  }

  /** The report's id, once the caller is known to see it; else the answer for an unknown report. */
  private String visible(String reportId, Actor actor) {
    String id = PathIds.path(reportId, "report", ReportId::of).value();
    if (!visibility.sees(actor, id)) {
      throw new AggregateNotFoundException(id, "No report '" + id + "' exists.");
    }
    return id;
  }
}
