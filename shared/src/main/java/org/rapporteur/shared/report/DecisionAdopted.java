package org.rapporteur.shared.report;

import java.time.Instant;

/** The chair adopted a decision. */
public record DecisionAdopted(
    ReportId reportId,
    DecisionId decisionId,
    Actor actor,
    Instant at)
    implements ReportEvent {}
