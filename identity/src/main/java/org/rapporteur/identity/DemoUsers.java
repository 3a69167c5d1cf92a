package org.rapporteur.identity;

import java.util.List;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.Role;

/** The embedded default's users: one per role, and one delegate per participating entity. */
final class DemoUsers {

  static final List<Actor> ALL =
      List.of(
          new Actor("secretary", Role.SECRETARY, null),
          new Actor("chair", Role.CHAIR, null),
          new Actor("auditor", Role.AUDITOR, null),
          new Actor("admin", Role.ADMIN, null),
          new Actor("itu", Role.DELEGATE, "ITU"),
          new Actor("wmo", Role.DELEGATE, "WMO"),
          new Actor("oosa", Role.DELEGATE, "OOSA"),
          new Actor("unodc", Role.DELEGATE, "UNODC"));

  private DemoUsers() {}
}
