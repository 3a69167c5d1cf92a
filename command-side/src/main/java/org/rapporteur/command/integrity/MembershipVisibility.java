package org.rapporteur.command.integrity;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.MemberEntityAdded;
import org.rapporteur.shared.report.MemberEntityRemoved;
import org.rapporteur.shared.report.Membership;
import org.rapporteur.shared.report.ReportEvent;
import org.rapporteur.shared.report.Role;

/**
 * Who sees a report, read from its events in the store as the aggregate folds them (API.md 1.1,
 * ADR 0007): every role sees every report that exists, a delegate only one its entity is a member
 * of. The integrity endpoints read the store, not a projection, so this check does too.
 */
final class MembershipVisibility implements ReportVisibility {

  private final EventStore events;

  MembershipVisibility(EventStore events) {
    this.events = events;
  }

  @Override
  public boolean sees(Actor actor, String reportId) {
    // From position 1, not from a snapshot: a snapshot is the aggregate, not the events that name members.
    DomainEventStream stream = events.readEvents(reportId, 0);
    if (!stream.hasNext()) {
      return false;
    }
    if (!actor.is(Role.DELEGATE)) {
      return true;
    }
    Set<String> members = new HashSet<>();
    stream.asStream().map(message -> message.getPayload()).forEach(payload -> {
      if (payload instanceof MemberEntityAdded added) {
        members.add(added.entity());
      } else if (payload instanceof MemberEntityRemoved removed) {
        members.remove(removed.entity());
      } else if (payload instanceof ReportEvent event) {
        Membership.impliedBy(event).ifPresent(members::add);
      }
    });
    return actor.entity() != null && members.contains(actor.entity());
  }
}
