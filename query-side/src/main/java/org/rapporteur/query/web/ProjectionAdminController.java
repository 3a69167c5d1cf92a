package org.rapporteur.query.web;

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
@RestController
class ProjectionAdminController {

  private final ProjectionRebuild rebuild;
  private final ReportReprojection reprojection;

  ProjectionAdminController(ProjectionRebuild rebuild, ReportReprojection reprojection) {
    this.rebuild = rebuild;
    this.reprojection = reprojection;
  }

  @PostMapping("/api/admin/projections/rebuild")
  ResponseEntity<Map<String, String>> rebuild() {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("rebuildId", rebuild.start()));
  }

  /** Replaces one report's projection by a fold of its records from the start of the log (ADR 0005). */
  @PostMapping("/api/admin/projections/reports/{reportId}/reprojection")
  ReportReprojection.Outcome reproject(@PathVariable String reportId, Actor actor) throws InterruptedException {
    return reprojection.reproject(reportId, actor.user());
  }

  @GetMapping("/api/admin/projections/rebuild/{rebuildId}")
  ProjectionRebuild.Status status(@PathVariable String rebuildId) {
    return rebuild.status(rebuildId).orElseThrow(() -> new QueryProblems.UnknownRebuild(rebuildId));
  }
}
