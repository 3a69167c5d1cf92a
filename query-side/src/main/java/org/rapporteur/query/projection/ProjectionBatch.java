package org.rapporteur.query.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.rapporteur.shared.draft.ReportDraft;

/** What one poll of Kafka changes, written in one transaction. */
final class ProjectionBatch {

  private final List<IncomingEvent> applied = new ArrayList<>();
  private final List<Parked> parked = new ArrayList<>();
  private final Map<String, ReportDraft> drafts = new LinkedHashMap<>();
  private final Map<TopicPartition, Long> nextOffsets = new LinkedHashMap<>();

  record Parked(IncomingEvent event, String reason) {}

  void applied(IncomingEvent event) {
    applied.add(event);
  }

  void parked(IncomingEvent event, String reason) {
    parked.add(new Parked(event, reason));
  }

  void draft(ReportDraft draft) {
    drafts.put(draft.reportId().value(), draft);
  }

  void consumed(TopicPartition partition, long offset) {
    nextOffsets.put(partition, offset + 1);
  }

  List<IncomingEvent> applied() {
    return applied;
  }

  List<Parked> parked() {
    return parked;
  }

  Collection<ReportDraft> drafts() {
    return drafts.values();
  }

  Map<TopicPartition, Long> nextOffsets() {
    return nextOffsets;
  }
}
