package org.rapporteur.shared.draft;

import org.rapporteur.shared.report.DecisionId;
import org.rapporteur.shared.report.DecisionKind;
import org.rapporteur.shared.report.DecisionStatus;

/** A decision in its section, numbered with the paragraphs around it. */
public record DecisionUnit(
    DecisionId decisionId,
    DecisionKind kind,
    Integer number,
    String text,
    DecisionStatus status,
    String authorEntity)
    implements DraftUnit {}
