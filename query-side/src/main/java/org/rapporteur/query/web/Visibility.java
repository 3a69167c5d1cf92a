package org.rapporteur.query.web;

import org.rapporteur.query.projection.ProjectionStore;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.Role;

/**
 * Whether a caller sees a report (API.md 1.1): the secretary, chair, auditor and admin see every
 * one; a delegate those its entity is a member of. One query either way for a delegate, whether the
 * report exists or not, so the answer's timing does not tell a hidden report from a missing one.
 */
final class Visibility {

  private Visibility() {}

  static boolean sees(ProjectionStore store, Actor actor, int generation, String reportId) {
    if (!actor.is(Role.DELEGATE)) {
      return true;
    }
    return actor.entity() != null && !actor.entity().isBlank() && store.isMember(generation, reportId, actor.entity());
  }
}
