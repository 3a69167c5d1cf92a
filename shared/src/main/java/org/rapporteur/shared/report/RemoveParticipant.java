package org.rapporteur.shared.report;

/** Remove a participant from the list of participants. */
public record RemoveParticipant(
    ReportId reportId,
    ParticipantId participantId,
    Actor actor)
    implements ReportCommand {}
