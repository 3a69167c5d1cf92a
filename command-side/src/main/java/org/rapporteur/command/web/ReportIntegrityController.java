package org.rapporteur.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.rapporteur.command.integrity.ChainVerifier;
import org.rapporteur.command.integrity.EvidenceBundle;
import org.rapporteur.command.integrity.ReportVisibility;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The record's integrity, read from the event store (API.md 1.1): served by the command side,
 * which holds the store; the front door routes these GETs here.
 */
@RestController
@Tag(name = "Integrity", description = "The record's hash chain, read from the event store itself.")
class ReportIntegrityController {

  private final ChainVerifier verifier;
  private final ReportVisibility visibility;

  private final EvidenceBundle evidence;

  ReportIntegrityController(ChainVerifier verifier, ReportVisibility visibility, EvidenceBundle evidence) {
    this.verifier = verifier;
    this.visibility = visibility;
    this.evidence = evidence;
  }

  @Operation(operationId = "verifyReport", summary = "Recompute a report's hash chain from the event store")
  @GetMapping(value = "/api/reports/{reportId}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
  ChainVerifier.Verification verification(@PathVariable String reportId, Actor actor) {
    return verifier.verify(visible(reportId, actor));
  }

  /**
   * The auditor's evidence: a ZIP of the report's event log with its links and a manifest naming
   * the head hash, which {@code BundleVerifier} checks offline.
   */
  @Operation(operationId = "getEvidence", summary = "Download the auditor's evidence bundle of a report")
  @GetMapping(value = "/api/reports/{reportId}/evidence", produces = "application/zip")
  ResponseEntity<byte[]> evidence(@PathVariable String reportId, Actor actor) {
    String id = visible(reportId, actor);
    if (!actor.is(Role.AUDITOR) && !actor.is(Role.ADMIN)) {
      throw new NotAnAuditor(actor);
    }
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    evidence.write(id, zip);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + "-evidence.zip\"")
        .body(zip.toByteArray());
  }

  /** Only auditors and admins take a report's evidence. */
  static final class NotAnAuditor extends RuntimeException {
    NotAnAuditor(Actor actor) {
      super("a " + actor.role().name().toLowerCase(Locale.ROOT)
          + " may not take a report's evidence; only an auditor or an admin may");
    }
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
