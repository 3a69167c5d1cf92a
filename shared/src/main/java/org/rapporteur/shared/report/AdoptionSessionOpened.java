package org.rapporteur.shared.report;

import java.time.Instant;

/**
 * The chair opened the meeting's adoption session: the report is taken paragraph by paragraph, its
 * numbering is frozen, and drafting is closed but for what the chair and the secretary record.
 */
public record AdoptionSessionOpened(ReportId reportId, Actor actor, Instant at) implements ReportEvent {}
