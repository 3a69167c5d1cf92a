package org.rapporteur.shared.report;

/** Make an entity, by its registry code, a member of the report. */
public record AddMemberEntity(
    ReportId reportId,
    String entity,
    Actor actor)
    implements ReportCommand {}
