package org.rapporteur.shared.draft;

import java.time.Instant;

/** A member entity of a report and since when it is one: an entry of {@code GET /api/reports/{r}/members}. */
public record MemberView(String entity, Instant since) {}
