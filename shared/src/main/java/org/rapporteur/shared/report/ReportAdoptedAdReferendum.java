package org.rapporteur.shared.report;

import java.time.Instant;

/**
 * The meeting adopted its report ad referendum: adopted in session, subject to confirmation, and
 * frozen meanwhile.
 *
 * @param headHash the hash of the report's last event before this one: the head of the chain adopted
 */
public record ReportAdoptedAdReferendum(ReportId reportId, String headHash, Actor actor, Instant at)
    implements ReportEvent {}
