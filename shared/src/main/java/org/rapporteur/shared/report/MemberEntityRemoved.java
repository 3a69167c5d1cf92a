package org.rapporteur.shared.report;

import java.time.Instant;

/**
 * An entity stopped being a member of the report: its delegates no longer see it or act on it;
 * what they wrote stays.
 */
public record MemberEntityRemoved(
    ReportId reportId,
    String entity,
    Actor actor,
    Instant at)
    implements ReportEvent {}
