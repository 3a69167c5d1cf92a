package org.rapporteur.shared.report;

import java.time.Instant;

/** A decision was proposed in a section, last among its units. */
public record DecisionProposed(
    ReportId reportId,
    DecisionId decisionId,
    SectionId sectionId,
    DecisionKind kind,
    String text,
    String authorEntity,
    Actor actor,
    Instant at)
    implements ReportEvent {}
