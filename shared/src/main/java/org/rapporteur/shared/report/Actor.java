package org.rapporteur.shared.report;

import java.util.Objects;

/**
 * Who sent a command, as the authenticated identity says: never taken from a request body.
 *
 * @param user the user name
 * @param role the role the user acted in
 * @param entity the short upper-case code of the user's entity ({@code ITU}), or {@code null} for
 *     roles that act for the meeting rather than an entity
 */
public record Actor(String user, Role role, String entity) {

  public Actor {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
  }

  public boolean is(Role other) {
    return role == other;
  }
}
