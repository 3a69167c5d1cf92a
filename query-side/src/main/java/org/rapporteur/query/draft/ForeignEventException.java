package org.rapporteur.query.draft;

import org.rapporteur.shared.report.ReportId;

/** An event of one report was offered to the draft of another: a routing bug upstream. */
public final class ForeignEventException extends IllegalArgumentException {
  ForeignEventException(ReportId draftOf, ReportId eventOf, long position) {
    super("The draft of report " + draftOf + " was offered the event at position " + position
        + " of report " + eventOf);
  }
}
