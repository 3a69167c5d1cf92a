package org.rapporteur.command.integrity;

import org.rapporteur.shared.report.Actor;

/**
 * Whether a caller sees a report: the one check the integrity endpoints make before answering
 * about it. A caller who does not see a report gets the answer for a report that does not exist.
 */
@FunctionalInterface
public interface ReportVisibility {

  boolean sees(Actor actor, String reportId);
}
