package org.rapporteur.shared.report;

/** Propose a decision in a section. */
public record ProposeDecision(
    ReportId reportId,
    DecisionId decisionId,
    SectionId sectionId,
    DecisionKind kind,
    String text,
    Actor actor)
    implements ReportCommand {}
