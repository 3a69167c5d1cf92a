package org.rapporteur.shared.draft;

import org.rapporteur.shared.report.ParticipantId;
import org.rapporteur.shared.report.ParticipantRole;

/** A participant listed in the annex. */
public record ParticipantView(
    ParticipantId participantId,
    String entity,
    String name,
    ParticipantRole role) {}
