package org.rapporteur.shared.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The chair adopted the report: every live paragraph approved, every decision adopted; frozen from
 * now on.
 *
 * @param headHash the hash of the report's last event before the adoption: the head of the hash
 *     chain the chair adopted (API.md 1.1); absent (null) on adoptions stored before the chain, and
 *     then left out of the JSON, which stays as stored
 */
public record ReportAdopted(
    ReportId reportId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String headHash,
    Actor actor,
    Instant at)
    implements ReportEvent {}
