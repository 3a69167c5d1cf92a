package org.rapporteur.shared.draft;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.rapporteur.shared.report.Actor;

/**
 * One event of a report's audit trail; {@code payload} is the event's JSON as Kafka carries it.
 */
public record AuditEntry(
    long position,
    String eventId,
    String type,
    Instant timestamp,
    Actor actor,
    @JsonRawValue String payload) {}
