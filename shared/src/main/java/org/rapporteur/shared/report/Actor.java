package org.rapporteur.shared.report;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who sent a command, as the authenticated identity says: never taken from a request body.
 *
 * @param user the user name
 * @param role the role the user acted in
 * @param entity the short upper-case code of the user's entity ({@code ITU}), or {@code null} for
 *     roles that act for the meeting rather than an entity
 */
// Serializable: a browser session in the shared session store holds the signed-in actor.
public record Actor(String user, Role role, String entity) implements Serializable {

  public Actor {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
  }

  public boolean is(Role other) {
    return role == other;
  }
}
