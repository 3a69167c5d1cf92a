package org.rapporteur.query.projection;

import java.time.Instant;

/** The audit trail's filters; null means "any". */
public record AuditFilter(
    long afterPosition, String actor, String type, Instant from, Instant to, String paragraphId) {}
