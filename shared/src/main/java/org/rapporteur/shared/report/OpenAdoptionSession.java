package org.rapporteur.shared.report;

/** Open the meeting's adoption session. */
public record OpenAdoptionSession(ReportId reportId, Actor actor) implements ReportCommand {}
