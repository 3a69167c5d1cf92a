package org.rapporteur.shared.report;

import java.time.Instant;

/** A participant was removed from the list of participants. */
public record ParticipantRemoved(
    ReportId reportId,
    ParticipantId participantId,
    Actor actor,
    Instant at)
    implements ReportEvent {}
