package org.rapporteur.identity;

import java.security.Principal;
import org.rapporteur.shared.report.Actor;

/** The authenticated caller, in either identity mode, as the contract's {@link Actor}. */
public record RapporteurPrincipal(Actor actor) implements Principal {

  @Override
  public String getName() {
    return actor.user();
  }
}
