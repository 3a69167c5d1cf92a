package org.rapporteur.query.web;

import java.util.Map;
import org.rapporteur.query.projection.ProjectionRebuild;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Operations table of API.md: rebuilding the projections (admin only, by the security rules). */
@RestController
class ProjectionAdminController {

  private final ProjectionRebuild rebuild;

  ProjectionAdminController(ProjectionRebuild rebuild) {
    this.rebuild = rebuild;
  }

  @PostMapping("/api/admin/projections/rebuild")
  ResponseEntity<Map<String, String>> rebuild() {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("rebuildId", rebuild.start()));
  }

  @GetMapping("/api/admin/projections/rebuild/{rebuildId}")
  ProjectionRebuild.Status status(@PathVariable String rebuildId) {
    return rebuild.status(rebuildId).orElseThrow(() -> new QueryProblems.UnknownRebuild(rebuildId));
  }
}
