package org.rapporteur.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.rapporteur.query.projection.ProjectionRebuild;
import org.rapporteur.query.projection.ReportReprojection;
import org.rapporteur.shared.report.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Operations table of API.md: rebuilding the projections, and repairing one report (admin only, by the security rules). */
@Tag(name = "Operations", description = "Admin only: the record's way to Kafka and the projections.")
@RestController
class ProjectionAdminController {

  private final ProjectionRebuild rebuild;
  private final ReportReprojection reprojection;

  ProjectionAdminController(ProjectionRebuild rebuild, ReportReprojection reprojection) {
    this.rebuild = rebuild;
    this.reprojection = reprojection;
  }

  @Operation(operationId = "rebuildProjections", summary = "Rebuild every projection from the start of the log")
  @ApiResponse(responseCode = "202", description = "Accepted; runs in the background.", useReturnTypeSchema = true)
  @PostMapping("/api/admin/projections/rebuild")
  ResponseEntity<Map<String, String>> rebuild() {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("rebuildId", rebuild.start()));
  }

  /** Replaces one report's projection by a fold of its records from the start of the log (ADR 0005). */
  @Operation(operationId = "reprojectReport", summary = "Project one report again from the start of the log")
  @PostMapping("/api/admin/projections/reports/{reportId}/reprojection")
  ReportReprojection.Outcome reproject(@PathVariable String reportId, Actor actor) throws InterruptedException {
    return reprojection.reproject(reportId, actor.user());
  }

  @Operation(operationId = "getRebuild", summary = "Follow a rebuild")
  @GetMapping("/api/admin/projections/rebuild/{rebuildId}")
  ProjectionRebuild.Status status(@PathVariable String rebuildId) {
    return rebuild.status(rebuildId).orElseThrow(() -> new QueryProblems.UnknownRebuild(rebuildId));
  }
}
