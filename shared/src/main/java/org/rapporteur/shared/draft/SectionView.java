package org.rapporteur.shared.draft;

import java.util.List;
import org.rapporteur.shared.report.AgendaItemId;
import org.rapporteur.shared.report.SectionId;

/**
 * A section of a chapter; {@code letter} is null for a chapter's heading section (the first of its
 * chapter, covering no agenda item). {@code paragraphs} lists the numbered units, paragraphs and
 * decisions, in document order.
 */
public record SectionView(
    SectionId sectionId,
    String chapter,
    String letter,
    String title,
    List<AgendaItemId> agendaItemIds,
    List<DraftUnit> paragraphs) {

  public SectionView {
    agendaItemIds = agendaItemIds == null ? List.of() : List.copyOf(agendaItemIds);
    paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
  }
}
