package org.rapporteur.shared.report;

/** Adopt the agenda: its live items are numbered 1..n in order. */
public record AdoptAgenda(
    ReportId reportId,
    Actor actor)
    implements ReportCommand {}
