package org.rapporteur.shared.report;

import java.time.Instant;

/**
 * In session, a delegation's reservation or explanation of position on one paragraph or one
 * decision was put on record; the report prints it.
 *
 * @param entity the code of the entity whose delegation spoke
 * @param paragraphId the paragraph it bears on, or null when it bears on a decision
 * @param decisionId the decision it bears on, or null when it bears on a paragraph
 */
public record ReservationRecorded(
    ReportId reportId,
    ReservationId reservationId,
    String entity,
    ReservationKind kind,
    ParagraphId paragraphId,
    DecisionId decisionId,
    String text,
    Actor actor,
    Instant at)
    implements ReportEvent {}
