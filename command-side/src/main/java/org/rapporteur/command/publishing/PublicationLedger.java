package org.rapporteur.command.publishing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What reached Kafka, per report, kept in the event store's database: the position published
 * without a hole, the events the broker refused for good, and the operators' republications.
 */
public class PublicationLedger {

  private final JdbcTemplate jdbc;

  public PublicationLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A report whose stored events are not all on Kafka. */
  public record Behind(String reportId, long stored, long published) {}

  /** An event the broker refused for good. */
  public record Unpublishable(String eventId, String reportId, long position, String error) {}

  /** The published positions of these reports; 0 for a report none is recorded for. */
  Map<String, Long> publishedPositions(List<String> reportIds) {
    Map<String, Long> positions = new HashMap<>();
    if (reportIds.isEmpty()) {
      return positions;
    }
    new NamedParameterJdbcTemplate(jdbc).query(
        "SELECT aggregateIdentifier, position FROM published_position WHERE aggregateIdentifier IN (:ids)",
        new MapSqlParameterSource("ids", reportIds),
        rs -> {
          positions.put(rs.getString(1), rs.getLong(2));
        });
    return positions;
  }

  /** Moves the report's published position up to {@code position}, never down. */
  void published(String reportId, long position) {
    published(Map.of(reportId, position));
  }

  /**
   * Moves each report's published position up to the one given, never down: one batch of updates
   * for a publisher's batch, not a round trip per report.
   */
  void published(Map<String, Long> positions) {
    List<Map.Entry<String, Long>> reports = List.copyOf(positions.entrySet());
    int[] updated = jdbc.batchUpdate(
        "UPDATE published_position SET position = ? WHERE aggregateIdentifier = ? AND position < ?",
        reports.stream().map(r -> new Object[] {r.getValue(), r.getKey(), r.getValue()}).toList());
    List<String> notMoved = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      if (updated[i] != 1) { // none, or a driver that does not say
        notMoved.add(reports.get(i).getKey());
      }
    }
    if (notMoved.isEmpty()) {
      return;
    }
    Map<String, Long> known = publishedPositions(notMoved);
    jdbc.batchUpdate(
        "INSERT INTO published_position (aggregateIdentifier, position) VALUES (?, ?)",
        notMoved.stream().filter(r -> !known.containsKey(r)).map(r -> new Object[] {r, positions.get(r)}).toList());
  }

  /** The reports whose highest stored position is above the published one. */
  public List<Behind> behind() {
    return jdbc.query(
        "SELECT e.aggregateIdentifier, MAX(e.sequenceNumber) + 1, COALESCE(MAX(p.position), 0)"
            + " FROM DomainEventEntry e LEFT JOIN published_position p ON p.aggregateIdentifier = e.aggregateIdentifier"
            + " GROUP BY e.aggregateIdentifier HAVING MAX(e.sequenceNumber) + 1 > COALESCE(MAX(p.position), 0)"
            + " ORDER BY e.aggregateIdentifier",
        (rs, i) -> new Behind(rs.getString(1), rs.getLong(2), rs.getLong(3)));
  }

  void unpublishable(String eventId, String reportId, long position, String error) {
    jdbc.update("DELETE FROM unpublishable_event WHERE eventIdentifier = ?", eventId);
    jdbc.update(
        "INSERT INTO unpublishable_event (eventIdentifier, aggregateIdentifier, position, error, failedAt)"
            + " VALUES (?, ?, ?, ?, ?)",
        eventId, reportId, position, error, OffsetDateTime.now(ZoneOffset.UTC));
  }

  /** The report's events reached Kafka after all: none of them is unpublishable any more. */
  void republished(String reportId, long upToPosition) {
    jdbc.update("DELETE FROM unpublishable_event WHERE aggregateIdentifier = ? AND position <= ?", reportId, upToPosition);
  }

  public List<Unpublishable> unpublishable() {
    return jdbc.query(
        "SELECT eventIdentifier, aggregateIdentifier, position, error FROM unpublishable_event"
            + " ORDER BY aggregateIdentifier, position",
        (rs, i) -> new Unpublishable(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
  }

  void adminAction(String action, String reportId, String actorUser, String outcome) {
    jdbc.update(
        "INSERT INTO admin_action (action, aggregateIdentifier, actorUser, outcome, actedAt) VALUES (?, ?, ?, ?, ?)",
        action, reportId, actorUser, outcome, OffsetDateTime.now(ZoneOffset.UTC));
  }
}
