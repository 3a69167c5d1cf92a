package org.rapporteur.shared.report;

/** Adopt a proposed decision. */
public record AdoptDecision(
    ReportId reportId,
    DecisionId decisionId,
    Actor actor)
    implements ReportCommand {}
