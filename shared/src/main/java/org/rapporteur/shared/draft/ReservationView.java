package org.rapporteur.shared.draft;

import java.time.Instant;
import org.rapporteur.shared.report.DecisionId;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ReservationId;
import org.rapporteur.shared.report.ReservationKind;

/**
 * A delegation's reservation or explanation of position on one paragraph or one decision, as the
 * report prints it; exactly one of {@code paragraphId} and {@code decisionId} is set.
 */
public record ReservationView(
    ReservationId reservationId,
    String entity,
    ReservationKind kind,
    ParagraphId paragraphId,
    DecisionId decisionId,
    String text,
    Instant at) {}
