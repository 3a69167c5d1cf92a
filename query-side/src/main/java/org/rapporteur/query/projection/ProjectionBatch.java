package org.rapporteur.query.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.rapporteur.shared.draft.MemberView;
import org.rapporteur.shared.draft.PendingApproval;
import org.rapporteur.shared.draft.ReportDraft;

/** What one poll of Kafka changes, written in one transaction. */
final class ProjectionBatch {

  private final List<IncomingEvent> applied = new ArrayList<>();
  private final List<Parked> parked = new ArrayList<>();
  private final List<Long> released = new ArrayList<>();
  private final Map<String, ReportDraft> drafts = new LinkedHashMap<>();
  private final Map<String, List<PendingApproval>> pending = new LinkedHashMap<>();
  private final Map<String, List<MemberView>> members = new LinkedHashMap<>();
  private final Map<TopicPartition, Long> nextOffsets = new LinkedHashMap<>();

  /** Why a record is kept in {@code q_parked} instead of applied; see V2_3__holds.sql and V2_6__hash_chain.sql. */
  enum ParkKind {
    WAITING, CONFLICT, FAILED, UNREADABLE, BROKEN_LINK
  }

  record Parked(IncomingEvent event, ParkKind kind, String reason) {}

  void applied(IncomingEvent event) {
    applied.add(event);
  }

  void parked(IncomingEvent event, ParkKind kind, String reason) {
    parked.add(new Parked(event, kind, reason));
  }

  /** A waiting record of this batch was applied after all: it is not parked. */
  void unpark(Parked record) {
    parked.remove(record);
  }

  /** A waiting record parked by an earlier batch was applied: its row goes. */
  void released(long parkedRowId) {
    released.add(parkedRowId);
  }

  void draft(ReportDraft draft) {
    drafts.put(draft.reportId().value(), draft);
  }

  /** Replaces what waits for the chair in the report; a report not given here keeps its rows. */
  void pending(String reportId, List<PendingApproval> approvals) {
    pending.put(reportId, approvals);
  }

  void members(String reportId, List<MemberView> views) {
    members.put(reportId, views);
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

  List<Long> released() {
    return released;
  }

  Collection<ReportDraft> drafts() {
    return drafts.values();
  }

  Map<String, List<PendingApproval>> pending() {
    return pending;
  }

  Map<String, List<MemberView>> members() {
    return members;
  }

  Map<TopicPartition, Long> nextOffsets() {
    return nextOffsets;
  }
}
