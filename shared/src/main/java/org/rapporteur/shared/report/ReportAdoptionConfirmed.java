package org.rapporteur.shared.report;

import java.time.Instant;

/**
 * The chair confirmed the report adopted ad referendum: it is adopted.
 *
 * @param headHash the hash of the report's last event before this one: the head of the chain confirmed
 */
public record ReportAdoptionConfirmed(ReportId reportId, String headHash, Actor actor, Instant at)
    implements ReportEvent {}
