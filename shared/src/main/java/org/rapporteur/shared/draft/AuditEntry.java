package org.rapporteur.shared.draft;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.rapporteur.shared.report.Actor;

/**
 * One event of a report's audit trail; {@code payload} is the event's JSON as Kafka carries it.
 * {@code previousHash} and {@code hash} are its link in the report's hash chain (API.md 1.1): the
 * hash is the SHA-256 of the RFC 8785 canonical JSON of the other fields
 * ({@code org.rapporteur.shared.integrity.HashChain}); both are null for an event published before
 * the chain existed.
 */
public record AuditEntry(
    long position,
    String eventId,
    String type,
    Instant timestamp,
    Actor actor,
    @JsonRawValue String payload,
    String previousHash,
    String hash) {}
