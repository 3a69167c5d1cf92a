package org.rapporteur.shared.report;

/** Add a participant to the list of participants. */
public record AddParticipant(
    ReportId reportId,
    ParticipantId participantId,
    String entity,
    String name,
    ParticipantRole role,
    Actor actor)
    implements ReportCommand {}
