package org.rapporteur.shared.report;

import java.util.List;

/** Issue a corrigendum to the adopted report, correcting the texts of some paragraphs. */
public record IssueCorrigendum(
    ReportId reportId, CorrigendumId corrigendumId, List<CorrectParagraph> changes, String reason, Actor actor)
    implements ReportCommand {

  public IssueCorrigendum {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }
}
