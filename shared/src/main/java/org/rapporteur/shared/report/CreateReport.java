package org.rapporteur.shared.report;

import java.util.List;

/**
 * Open a report with its header; {@code reportId} may be chosen by the client.
 * {@code memberEntities} are the registry codes of the entities whose delegates take part from the
 * start (none when left out).
 */
public record CreateReport(
    ReportId reportId,
    ReportHeader header,
    List<String> memberEntities,
    Actor actor)
    implements ReportCommand {

  public CreateReport {
    memberEntities = memberEntities == null ? List.of() : List.copyOf(memberEntities);
  }

  /** A report with no member entity yet. */
  public CreateReport(ReportId reportId, ReportHeader header, Actor actor) {
    this(reportId, header, List.of(), actor);
  }
}
