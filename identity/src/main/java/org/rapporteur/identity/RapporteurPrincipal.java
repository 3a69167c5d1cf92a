package org.rapporteur.identity;

import java.io.Serializable;
import java.security.Principal;
import org.rapporteur.shared.report.Actor;

/**
 * The authenticated caller, in either identity mode, as the contract's {@link Actor}. Serializable,
 * as a browser session kept in the shared session store holds it (docs/adr/0012).
 */
public record RapporteurPrincipal(Actor actor) implements Principal, Serializable {

  @Override
  public String getName() {
    return actor.user();
  }
}
