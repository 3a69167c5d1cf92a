package org.rapporteur.shared.report;

import java.time.Instant;

/**
 * A fact about one report, named in the past tense. Its position in the report's stream is not a
 * field: the event store assigns it, and Kafka carries it in the {@code ce_position} header.
 */
public sealed interface ReportEvent
    permits ReportCreated,
        AgendaItemProposed,
        AgendaItemAmended,
        AgendaItemWithdrawn,
        AgendaAdopted,
        SectionAdded,
        ParticipantAdded,
        ParticipantRemoved,
        MemberEntityAdded,
        MemberEntityRemoved,
        ParagraphEvent,
        DecisionProposed,
        DecisionAdopted,
        ReportAdopted,
        AdoptionSessionOpened,
        ReportAdoptedAdReferendum,
        ReportAdoptionConfirmed,
        CorrigendumIssued,
        ReservationRecorded {

  ReportId reportId();

  /** Who acted, from the authenticated identity. */
  Actor actor();

  /** When the command was accepted. */
  Instant at();

  /** The name integrators see in {@code ce_type} and the audit trail. */
  default String type() {
    return getClass().getSimpleName();
  }
}
