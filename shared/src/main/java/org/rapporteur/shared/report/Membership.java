package org.rapporteur.shared.report;

import java.util.Optional;

/**
 * Which entities take part in a report, as both folds of its events read it: the aggregate, which
 * refuses a non-member delegate's commands, and the query side's draft, which hides the report
 * from that delegate. Written once here so that the two always agree.
 *
 * <p>{@link MemberEntityAdded} and {@link MemberEntityRemoved} say it outright. Reports written
 * before members existed have neither, so their members are implied by who worked in them (ADR
 * 0007): an entity whose delegate proposed an agenda item, drafted a paragraph or proposed a
 * decision is a member from that event on. The rule holds for every report, and adds nobody to one
 * written since: a delegate's command is refused unless its entity is a member already.
 */
public final class Membership {

  private Membership() {}

  /** The entity the event makes a member by the upgrade rule, if any. */
  public static Optional<String> impliedBy(ReportEvent event) {
    boolean drafting =
        event instanceof AgendaItemProposed || event instanceof ParagraphDrafted || event instanceof DecisionProposed;
    Actor actor = event.actor();
    if (!drafting || actor == null || !actor.is(Role.DELEGATE) || isBlank(actor.entity())) {
      return Optional.empty();
    }
    return Optional.of(actor.entity());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
