package org.rapporteur.command.report;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.Role;

/**
 * Who may send which command, as the "who" column of API.md says. Auditors and admins appear in
 * no list, so they never write.
 */
final class Permissions {

  /** The entity a secretary drafts for when its identity names none. */
  static final String SECRETARIAT = "SECRETARIAT";

  private Permissions() {}

  static void requireRole(Actor actor, String action, Role... allowed) {
    if (Arrays.stream(allowed).noneMatch(actor::is)) {
      throw new ForbiddenActionException(
          "forbidden-role",
          "a " + name(actor.role()) + " may not " + action + "; only "
              + String.join(" or ", Arrays.stream(allowed).map(Permissions::name).toList())
              + " may");
    }
  }

  /**
   * The entity that a new paragraph or decision is written for: a delegate's own entity (a
   * delegate without one may not write), the secretary's entity or, since the secretariat acts
   * for the meeting rather than an entity, {@value #SECRETARIAT}.
   */
  static String authorEntityOf(Actor actor) {
    if (actor.is(Role.DELEGATE)) {
      if (isBlank(actor.entity())) {
        throw new ForbiddenActionException(
            "delegate-without-entity", "delegate " + actor.user() + " represents no entity");
      }
      return actor.entity();
    }
    return isBlank(actor.entity()) ? SECRETARIAT : actor.entity();
  }

  /** The secretary acts on any paragraph; a delegate only on its own entity's. */
  static void requireAuthorEntity(Actor actor, String authorEntity, String what) {
    if (actor.is(Role.SECRETARY)) {
      return;
    }
    if (isBlank(actor.entity()) || !Objects.equals(actor.entity(), authorEntity)) {
      throw new ForbiddenActionException(
          "not-author-entity",
          "only " + authorEntity + " or the secretary may act on " + what + "; "
              + actor.user() + " represents " + (isBlank(actor.entity()) ? "no entity" : actor.entity()));
    }
  }

  /**
   * Whether the actor sees the report at all: a delegate only when its entity is a member; the
   * secretary, chair, auditor and admin see every report and act on it as their roles allow.
   */
  static boolean sees(Actor actor, Set<String> memberEntities) {
    return !actor.is(Role.DELEGATE) || (!isBlank(actor.entity()) && memberEntities.contains(actor.entity()));
  }

  private static String name(Role role) {
    return role.name().toLowerCase();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
