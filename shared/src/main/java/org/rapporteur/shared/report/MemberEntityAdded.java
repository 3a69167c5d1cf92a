package org.rapporteur.shared.report;

import java.time.Instant;

/**
 * An entity became a member of the report: its delegates see the report and draft in it from
 * this event on.
 */
public record MemberEntityAdded(
    ReportId reportId,
    String entity,
    Actor actor,
    Instant at)
    implements ReportEvent {}
