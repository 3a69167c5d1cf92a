package org.rapporteur.testing.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Compares, per report, what clients were told (acknowledged), what the event store holds
 * (stored), what Kafka carries (published) and what the projection applied, and turns it into
 * one row of the table.
 */
public final class Audit {

  /** One row of the table; {@code problems} says what went wrong, per report and position. */
  public record Row(String fault, int rounds, long acknowledged, long stored, long published, long applied,
      long lost, long duplicates, long forks, List<String> problems) {

    public boolean ok() {
      return lost == 0 && duplicates == 0 && forks == 0 && stored == published && published == applied
          && problems.isEmpty();
    }

    public static Row failed(String fault, int rounds, String why) {
      return new Row(fault, rounds, 0, 0, 0, 0, 0, 0, 0, List.of(why));
    }
  }

  private record Stored(String eventId, String text) {}

  private Audit() {}

  public static Row row(String fault, int rounds, Collection<String> reports, Collection<Workload.Ack> acks,
      Database store, Database projection, List<ConsumerRecord<byte[], byte[]>> topic, List<String> problems)
      throws SQLException {
    List<String> found = new ArrayList<>(problems);
    Map<String, TreeMap<Long, Stored>> stored = new HashMap<>();
    Map<String, Map<Long, String>> applied = new HashMap<>();
    Map<String, Long> draftPositions = new HashMap<>();
    try (Connection c = store.connect()) {
      readStore(c, reports, stored);
    }
    try (Connection c = projection.connect()) {
      readProjection(c, reports, applied, draftPositions);
    }
    Map<String, Map<Long, Set<String>>> published = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : topic) {
      String report = Topic.key(record);
      String position = Topic.header(record, "ce_position");
      if (reports.contains(report) && position != null && isEvent(record.value())) {
        published.computeIfAbsent(report, r -> new HashMap<>())
            .computeIfAbsent(Long.parseLong(position), p -> new HashSet<>())
            .add(Topic.header(record, "ce_id"));
      }
    }
    long acknowledged = 0;
    long storedCount = 0;
    long publishedCount = 0;
    long appliedCount = 0;
    long lost = 0;
    long duplicates = 0;
    long forks = 0;
    for (String report : reports) {
      TreeMap<Long, Stored> events = stored.getOrDefault(report, new TreeMap<>());
      Map<Long, Set<String>> sent = published.getOrDefault(report, Map.of());
      Map<Long, String> projected = applied.getOrDefault(report, Map.of());
      storedCount += events.size();
      publishedCount += sent.size();
      appliedCount += projected.size();
      if (!events.isEmpty() && events.lastKey() != events.size()) {
        found.add(report + ": stored positions are not 1.." + events.size() + " (head " + events.lastKey() + ")");
      }
      for (Workload.Ack ack : acks) {
        if (!ack.reportId().equals(report)) {
          continue;
        }
        acknowledged++;
        Stored event = events.get(ack.position());
        if (event == null || (ack.text() != null && !ack.text().equals(event.text()))) {
          lost++;
          found.add(report + ": acknowledged position " + ack.position() + " not stored"
              + (event == null ? "" : " (another event holds it: " + event.eventId() + ")"));
        } else if (!projected.containsKey(ack.position())) {
          lost++;
          found.add(report + ": acknowledged position " + ack.position() + " stored but not applied");
        }
      }
      Map<String, Long> texts = new HashMap<>();
      events.values().stream().filter(e -> e.text() != null).forEach(e -> texts.merge(e.text(), 1L, Long::sum));
      for (Map.Entry<String, Long> text : texts.entrySet()) {
        if (text.getValue() > 1) {
          duplicates += text.getValue() - 1;
          found.add(report + ": one request's text stored " + text.getValue() + " times: " + text.getKey());
        }
      }
      for (Map.Entry<Long, Set<String>> position : sent.entrySet()) {
        Stored event = events.get(position.getKey());
        if (position.getValue().size() > 1 || (event != null && !position.getValue().contains(event.eventId()))) {
          forks++;
          found.add(report + ": FORK at position " + position.getKey() + ": published ids " + position.getValue()
              + ", stored " + (event == null ? "nothing" : event.eventId()));
        }
      }
      // The projection is a fold of the store: the same event at every position, the same head.
      for (Map.Entry<Long, Stored> event : events.entrySet()) {
        String projectedId = projected.get(event.getKey());
        if (projectedId != null && !projectedId.equals(event.getValue().eventId())) {
          found.add(report + ": position " + event.getKey() + " applied as " + projectedId + ", stored as "
              + event.getValue().eventId());
        }
      }
      projected.keySet().stream().filter(p -> !events.containsKey(p))
          .forEach(p -> found.add(report + ": position " + p + " applied but not stored"));
      long head = events.isEmpty() ? 0 : events.lastKey();
      Long draft = draftPositions.get(report);
      if (draft == null || draft != head) {
        found.add(report + ": q_draft.position " + draft + ", stored head " + head);
      }
    }
    return new Row(fault, rounds, acknowledged, storedCount, publishedCount, appliedCount, lost, duplicates, forks, found);
  }

  private static void readStore(Connection c, Collection<String> reports, Map<String, TreeMap<Long, Stored>> stored)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT sequenceNumber, eventIdentifier, payload FROM DomainEventEntry WHERE aggregateIdentifier = ?")) {
      for (String report : reports) {
        s.setString(1, report);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            JsonNode payload = json(rs.getBytes(3));
            JsonNode text = payload == null ? null : payload.get("text");
            Stored previous = stored.computeIfAbsent(report, r -> new TreeMap<>())
                .put(rs.getLong(1) + 1, new Stored(rs.getString(2), text == null ? null : text.asText()));
            if (previous != null) {
              throw new IllegalStateException(report + ": two stored events at sequence " + rs.getLong(1));
            }
          }
        }
      }
    }
  }

  private static void readProjection(Connection c, Collection<String> reports, Map<String, Map<Long, String>> applied,
      Map<String, Long> draftPositions) throws SQLException {
    int generation;
    try (PreparedStatement s = c.prepareStatement("SELECT active FROM q_generation"); ResultSet rs = s.executeQuery()) {
      rs.next();
      generation = rs.getInt(1);
    }
    try (PreparedStatement events = c.prepareStatement(
            "SELECT position, event_id FROM q_event WHERE generation = ? AND report_id = ?");
        PreparedStatement drafts = c.prepareStatement(
            "SELECT position FROM q_draft WHERE generation = ? AND report_id = ?")) {
      for (String report : reports) {
        events.setInt(1, generation);
        events.setString(2, report);
        try (ResultSet rs = events.executeQuery()) {
          while (rs.next()) {
            applied.computeIfAbsent(report, r -> new HashMap<>()).put(rs.getLong(1), rs.getString(2));
          }
        }
        drafts.setInt(1, generation);
        drafts.setString(2, report);
        try (ResultSet rs = drafts.executeQuery()) {
          if (rs.next()) {
            draftPositions.put(report, rs.getLong(1));
          }
        }
      }
    }
  }

  /** A record whose value is a JSON object; anything else was injected as poison. */
  private static boolean isEvent(byte[] value) {
    JsonNode json = json(value);
    return json != null && json.isObject();
  }

  private static JsonNode json(byte[] bytes) {
    try {
      return bytes == null ? null : Api.JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return null;
    }
  }
}
