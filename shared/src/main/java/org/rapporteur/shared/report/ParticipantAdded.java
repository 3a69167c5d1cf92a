package org.rapporteur.shared.report;

import java.time.Instant;

/** A participant was added to the list of participants. */
public record ParticipantAdded(
    ReportId reportId,
    ParticipantId participantId,
    String entity,
    String name,
    ParticipantRole role,
    Actor actor,
    Instant at)
    implements ReportEvent {}
