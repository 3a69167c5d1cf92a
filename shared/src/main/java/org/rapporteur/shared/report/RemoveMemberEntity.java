package org.rapporteur.shared.report;

/** End an entity's membership of the report. */
public record RemoveMemberEntity(
    ReportId reportId,
    String entity,
    Actor actor)
    implements ReportCommand {}
