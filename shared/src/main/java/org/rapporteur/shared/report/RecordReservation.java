package org.rapporteur.shared.report;

/** Put a delegation's reservation or explanation of position on a paragraph or a decision on record. */
public record RecordReservation(
    ReportId reportId,
    ReservationId reservationId,
    String entity,
    ReservationKind kind,
    ParagraphId paragraphId,
    DecisionId decisionId,
    String text,
    Actor actor)
    implements ReportCommand {}
