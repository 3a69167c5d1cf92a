package org.rapporteur.command.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.rapporteur.shared.report.AgendaAdopted;
import org.rapporteur.shared.report.AgendaItemId;
import org.rapporteur.shared.report.AgendaItemProposed;
import org.rapporteur.shared.report.AgendaItemStatus;
import org.rapporteur.shared.report.AgendaItemWithdrawn;
import org.rapporteur.shared.report.ReportId;

/**
 * The report's agenda: its items in order, each proposed, adopted or withdrawn, and whether the
 * chair adopted it. It owns the agenda's transitions; the report root only adds that nothing
 * changes once the report is adopted.
 *
 * <p>Fields are plain and non-final because snapshots serialise the report by field.
 */
final class Agenda {

  private boolean adopted;
  /** Every agenda item ever proposed, in agenda order; withdrawn ones stay but take no number. */
  private ArrayList<AgendaItemId> order = new ArrayList<>();
  private LinkedHashMap<AgendaItemId, AgendaItemStatus> items = new LinkedHashMap<>();

  void requireOpen(ReportId reportId) {
    if (adopted) {
      throw new StateConflictException(
          "agenda-already-adopted", "the agenda of report " + reportId + " is adopted; its items are fixed");
    }
  }

  boolean contains(AgendaItemId itemId) {
    return items.containsKey(itemId);
  }

  boolean isLive(AgendaItemId itemId) {
    AgendaItemStatus status = items.get(itemId);
    return status != null && status != AgendaItemStatus.WITHDRAWN;
  }

  void requireLive(AgendaItemId itemId) {
    AgendaItemStatus status = items.get(itemId);
    if (status == null) {
      throw new NotFoundInReportException("unknown-agenda-item", "agenda item " + itemId + " is not in this report");
    }
    if (status == AgendaItemStatus.WITHDRAWN) {
      throw new StateConflictException("agenda-item-withdrawn", "agenda item " + itemId + " is withdrawn");
    }
  }

  /** The live items in agenda order: what adoption numbers 1..n; refused when there is none. */
  List<AgendaItemId> toNumber() {
    List<AgendaItemId> numbered = order.stream().filter(this::isLive).toList();
    if (numbered.isEmpty()) {
      throw new StateConflictException("empty-agenda", "the agenda has no live item to adopt; propose one first");
    }
    return numbered;
  }

  // ---- event sourcing: assignments only ------------------------------------------------------

  void on(AgendaItemProposed event) {
    int after = event.afterItemId() == null ? -1 : order.indexOf(event.afterItemId());
    order.add(after < 0 ? order.size() : after + 1, event.itemId());
    items.put(event.itemId(), AgendaItemStatus.PROPOSED);
  }

  void on(AgendaItemWithdrawn event) {
    items.put(event.itemId(), AgendaItemStatus.WITHDRAWN);
  }

  void on(AgendaAdopted event) {
    adopted = true;
    event.itemIds().forEach(itemId -> items.put(itemId, AgendaItemStatus.ADOPTED));
  }

  /** By value: the test fixture compares a replayed report with the working one. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Agenda a && adopted == a.adopted && order.equals(a.order) && items.equals(a.items);
  }

  @Override
  public int hashCode() {
    return Objects.hash(adopted, order, items);
  }
}
