package org.rapporteur.shared.draft;

import org.rapporteur.shared.report.DecisionId;
import org.rapporteur.shared.report.DecisionKind;
import org.rapporteur.shared.report.DecisionStatus;
import org.rapporteur.shared.report.SectionId;

/** A decision in the report's list of decisions. */
public record DecisionView(
    DecisionId decisionId,
    SectionId sectionId,
    DecisionKind kind,
    Integer number,
    String text,
    DecisionStatus status,
    String authorEntity) {}
