package org.rapporteur.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.rapporteur.query.draft.DraftState;
import org.rapporteur.query.draft.RecordedEvent;
import org.rapporteur.shared.draft.AuditEntry;
import org.rapporteur.shared.draft.MemberView;
import org.rapporteur.shared.draft.PendingApproval;
import org.rapporteur.shared.draft.ReportSummary;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.DecisionId;
import org.rapporteur.shared.report.CorrigendumIssued;
import org.rapporteur.shared.report.OralAmendmentAccepted;
import org.rapporteur.shared.report.ParagraphAdoptedInSession;
import org.rapporteur.shared.report.ParagraphApproved;
import org.rapporteur.shared.report.ReportEvent;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.ReportStatus;
import org.rapporteur.shared.report.Role;
import org.rapporteur.shared.draft.ReportDraft;
import org.rapporteur.shared.history.WhyTimeline;
import org.rapporteur.shared.json.ReportEventJson;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projections' tables. Writes come in batches, one statement per table and batch, never one
 * round trip per event; reads are what the query API needs.
 */
public class ProjectionStore {

  private static final ObjectMapper JSON = ReportEventJson.mapper();
  private static final List<String> GENERATION_TABLES = List.of("q_event", "q_draft", "q_pending", "q_member", "q_offset", "q_parked");
  private static final List<String> REPORT_TABLES = List.of("q_event", "q_draft", "q_pending", "q_member", "q_parked");

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  public ProjectionStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public int activeGeneration() {
    return jdbc.queryForObject("SELECT active FROM q_generation WHERE singleton = 1", Integer.class);
  }

  /** Whether the database answers at all: tells a record it refuses from a database that is down. */
  boolean answers() {
    try {
      activeGeneration();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * In the caller's transaction: waits for a switch of generations that is under way, then fails
   * unless {@code generation} is still the active one. Every write of the live projection begins
   * with it, so no instance writes a generation that a rebuild has replaced (ADR 0011). PostgreSQL
   * takes a shared lock, so the instances of the group do not wait for one another; H2 has only
   * exclusive row locks, and holds one instance.
   *
   * @throws GenerationReplaced when another generation is active
   */
  void requireActive(int generation) {
    String lock = postgres() ? " FOR SHARE" : " FOR UPDATE";
    int active = jdbc.queryForObject("SELECT active FROM q_generation WHERE singleton = 1" + lock, Integer.class);
    if (active != generation) {
      throw new GenerationReplaced(generation, active);
    }
  }

  /**
   * Switches from generation {@code from} to {@code to} in one transaction that holds the
   * generation row exclusively while {@code whileLocked} runs: the live projections of every
   * instance wait in {@link #requireActive}, so the offsets stored with {@code from} stay fixed,
   * and once the switch commits each of them finds that its generation was replaced.
   */
  void switchGeneration(int from, int to, Runnable whileLocked) {
    try (Connection c = jdbc.getDataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement lock = c.prepareStatement("SELECT active FROM q_generation WHERE singleton = 1 FOR UPDATE");
            ResultSet rs = lock.executeQuery()) {
          rs.next();
          if (rs.getInt(1) != from) {
            throw new GenerationReplaced(from, rs.getInt(1));
          }
        }
        whileLocked.run();
        try (PreparedStatement update = c.prepareStatement("UPDATE q_generation SET active = ? WHERE singleton = 1")) {
          update.setInt(1, to);
          update.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot switch from generation " + from + " to " + to, e);
    }
  }

  private boolean postgres() {
    Boolean known = postgres;
    if (known == null) {
      known = jdbc.execute((ConnectionCallback<Boolean>) c ->
          c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres"));
      postgres = known;
    }
    return known;
  }

  /** The generation a live projection writes is no longer the active one: a rebuild replaced it. */
  static final class GenerationReplaced extends RuntimeException {
    GenerationReplaced(int generation, int active) {
      super("generation " + generation + " was replaced by generation " + active);
    }
  }

  Map<TopicPartition, Long> offsets(int generation, String topic) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    jdbc.query(
        "SELECT kafka_partition, next_offset FROM q_offset WHERE generation = ? AND topic = ?",
        rs -> {
          offsets.put(new TopicPartition(topic, rs.getInt(1)), rs.getLong(2));
        },
        generation,
        topic);
    return offsets;
  }

  Optional<DraftState> draftState(int generation, String reportId) {
    return draft(generation, reportId).map(DraftState::from);
  }

  /** The stored draft of a report, read back into the contract's record. */
  public Optional<ReportDraft> draft(int generation, String reportId) {
    return draftJson(generation, reportId).map(ProjectionStore::readDraft);
  }

  /** The reports whose projection is on hold, and why: read once when a projection starts. */
  Map<String, Hold> holds(int generation) {
    Map<String, Hold> holds = new HashMap<>();
    jdbc.query(
        "SELECT report_id, kind, MIN(position) FROM q_parked WHERE generation = ?"
            + " AND kind IN ('CONFLICT', 'FAILED', 'BROKEN_LINK')"
            + " GROUP BY report_id, kind",
        rs -> {
          Hold hold = new Hold(Hold.Reason.valueOf(rs.getString(2)), rs.getLong(3));
          holds.merge(rs.getString(1), hold, (a, b) -> a.position() <= b.position() ? a : b);
        },
        generation);
    jdbc.query(
        "SELECT p.report_id, MAX(d.position) FROM q_parked p LEFT JOIN q_draft d"
            + " ON d.generation = p.generation AND d.report_id = p.report_id"
            + " WHERE p.generation = ? AND p.kind = 'WAITING' GROUP BY p.report_id",
        rs -> {
          holds.putIfAbsent(rs.getString(1), Hold.gap(rs.getLong(2) + 1));
        },
        generation);
    return holds;
  }

  /** A parked record that waits for its report to go on, with the row that keeps it. */
  record WaitingRecord(long rowId, IncomingEvent event) {}

  /** The records of the report that wait for an earlier position, in the order they arrived. */
  List<WaitingRecord> waiting(int generation, String reportId) {
    return jdbc.query(
        "SELECT id, position, event_id, type, occurred_at, payload, previous_hash, hash FROM q_parked"
            + " WHERE generation = ? AND report_id = ? AND kind = 'WAITING' ORDER BY id",
        (rs, i) -> new WaitingRecord(
            rs.getLong(1),
            IncomingEvent.read(reportId, rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6), rs.getString(7), rs.getString(8))),
        generation,
        reportId);
  }

  /** The id of the event applied at the report's position, if any. */
  Optional<String> eventId(int generation, String reportId, long position) {
    return jdbc.queryForList(
            "SELECT event_id FROM q_event WHERE generation = ? AND report_id = ? AND position = ?",
            String.class, generation, reportId, position)
        .stream()
        .findFirst();
  }

  /**
   * The hash of the event applied at the report's position: empty when none is applied there,
   * an empty string inside when the event there came without a link (published before the chain).
   */
  Optional<String> hash(int generation, String reportId, long position) {
    return jdbc.query(
            "SELECT hash FROM q_event WHERE generation = ? AND report_id = ? AND position = ?",
            (rs, i) -> rs.getString(1) == null ? "" : rs.getString(1), generation, reportId, position)
        .stream()
        .findFirst();
  }

  /** The hash of the event applied at the report's position, or null when there is none or it has none. */
  public String headHash(int generation, String reportId, long position) {
    return hash(generation, reportId, position).filter(hash -> !hash.isEmpty()).orElse(null);
  }

  /**
   * The SHA-256 of the text the last act that fixed each paragraph's text named, up to a position,
   * by paragraph id: an approval, an oral amendment the chair accepted, an adoption in session or a
   * corrigendum's correction. Approvals stored before texts were bound name none and are left out.
   */
  public Map<String, String> approvedTextHashes(int generation, String reportId, long upTo) {
    Map<String, String> hashes = new HashMap<>();
    jdbc.query(
        "SELECT type, payload FROM q_event WHERE generation = ? AND report_id = ? AND type IN"
            + " ('ParagraphApproved', 'OralAmendmentAccepted', 'ParagraphAdoptedInSession', 'CorrigendumIssued')"
            + " AND position <= ? ORDER BY position",
        rs -> {
          ReportEvent event = ReportEventJson.fromBytes(rs.getString(1), rs.getString(2).getBytes(StandardCharsets.UTF_8));
          if (event instanceof ParagraphApproved approved && approved.textHash() != null) {
            hashes.put(approved.paragraphId().value(), approved.textHash());
          } else if (event instanceof OralAmendmentAccepted accepted) {
            hashes.put(accepted.paragraphId().value(), accepted.textHash());
          } else if (event instanceof ParagraphAdoptedInSession adopted) {
            hashes.put(adopted.paragraphId().value(), adopted.textHash());
          } else if (event instanceof CorrigendumIssued corrigendum) {
            corrigendum.corrections().forEach(c -> hashes.put(c.paragraphId().value(), c.textHash()));
          }
        },
        generation, reportId, upTo);
    return hashes;
  }

  /** Whether this unreadable record is quarantined already: a redelivery is not kept twice. */
  boolean quarantined(int generation, String reportId, long position, String eventId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM q_parked WHERE generation = ? AND report_id = ? AND position = ? AND kind = 'UNREADABLE'"
            + " AND (event_id = ? OR (event_id IS NULL AND ? IS NULL))",
        Long.class, generation, cut(reportId), position, cut(eventId), cut(eventId)) > 0;
  }

  /** A report on hold, as health shows it. */
  public record HeldReport(String reportId, String reason, long position, long appliedPosition, long waiting, String error) {}

  /** The reports on hold, each with its reason, the position at fault or awaited, and what waits. */
  public List<HeldReport> heldReports(int generation) {
    Map<String, Hold> holds = holds(generation);
    List<HeldReport> held = new ArrayList<>();
    holds.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
      String reportId = entry.getKey();
      Hold hold = entry.getValue();
      long waiting = jdbc.queryForObject(
          "SELECT COUNT(*) FROM q_parked WHERE generation = ? AND report_id = ? AND kind = 'WAITING'",
          Long.class, generation, reportId);
      String error = hold.waitsForGap()
          ? "position " + hold.position() + " has not arrived"
          : jdbc.queryForList(
                  "SELECT error FROM q_parked WHERE generation = ? AND report_id = ? AND kind = ? ORDER BY position, id",
                  String.class, generation, reportId, hold.reason().name())
              .stream().findFirst().orElse("");
      held.add(new HeldReport(reportId, hold.reason().name(), hold.position(), position(generation, reportId), waiting, error));
    });
    return held;
  }

  /** Records who repaired which report, and how it ended. */
  void adminAction(String action, String reportId, String actorUser, String outcome) {
    jdbc.update(
        "INSERT INTO q_admin_action (action, report_id, actor_user, outcome, acted_at) VALUES (?, ?, ?, ?, ?)",
        action, cut(reportId), actorUser, storable(outcome), OffsetDateTime.now(ZoneOffset.UTC));
  }

  /** Deletes every row of the generation: after it was replaced, or when its rebuild failed. */
  void deleteGeneration(int generation) {
    for (String table : GENERATION_TABLES) {
      jdbc.update("DELETE FROM " + table + " WHERE generation = ?", generation);
    }
  }

  /** Deletes every row of one report in the generation: before it is projected again. */
  void deleteReport(int generation, String reportId) {
    for (String table : REPORT_TABLES) {
      jdbc.update("DELETE FROM " + table + " WHERE generation = ? AND report_id = ?", generation, reportId);
    }
  }

  /** Deletes the rows of every generation but the active one: before a rebuild starts. */
  void deleteGenerationsOtherThan(int active) {
    for (String table : GENERATION_TABLES) {
      jdbc.update("DELETE FROM " + table + " WHERE generation <> ?", active);
    }
  }

  /** Writes one consumed batch: events, drafts, pending approvals, parked events and offsets. */
  void write(int generation, ProjectionBatch batch) {
    jdbc.batchUpdate(
        "INSERT INTO q_event (generation, report_id, position, event_id, type, occurred_at, actor_user,"
            + " actor_role, actor_entity, paragraph_id, payload, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        batch.applied(),
        500,
        (ps, e) -> {
          ps.setInt(1, generation);
          ps.setString(2, e.reportId());
          ps.setLong(3, e.position());
          ps.setString(4, e.eventId());
          ps.setString(5, e.type());
          ps.setObject(6, OffsetDateTime.ofInstant(e.timestamp(), ZoneOffset.UTC));
          ps.setString(7, e.event().event().actor().user());
          ps.setString(8, e.event().event().actor().role().name());
          ps.setString(9, e.event().event().actor().entity());
          ps.setString(10, e.paragraphId());
          ps.setString(11, e.payload());
          ps.setString(12, e.previousHash());
          ps.setString(13, e.hash());
        });
    // Updated in place, not deleted and inserted again: one statement per draft instead of two,
    // and no index entries to delete and add. A report's first draft is inserted.
    List<ReportDraft> drafts = List.copyOf(batch.drafts());
    List<String> json = drafts.stream().map(ProjectionStore::write).toList();
    List<Object[]> updates = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      ReportDraft d = drafts.get(i);
      updates.add(new Object[] {d.title(), d.status().name(), d.position(), json.get(i), generation, d.reportId().value()});
    }
    int[] updated = jdbc.batchUpdate(
        "UPDATE q_draft SET title = ?, status = ?, position = ?, draft = ? WHERE generation = ? AND report_id = ?", updates);
    List<Object[]> inserts = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      if (updated[i] == 0) {
        ReportDraft d = drafts.get(i);
        inserts.add(new Object[] {generation, d.reportId().value(), d.title(), d.status().name(), d.position(), json.get(i)});
      }
    }
    jdbc.batchUpdate(
        "INSERT INTO q_draft (generation, report_id, title, status, position, draft) VALUES (?, ?, ?, ?, ?, ?)", inserts);
    // Only the reports whose queue changed: most batches change no report's queue.
    jdbc.batchUpdate("DELETE FROM q_pending WHERE generation = ? AND report_id = ?",
        batch.pending().keySet().stream().map(r -> new Object[] {generation, r}).toList());
    // Members change seldom: only the reports whose members this batch changed are rewritten.
    List<Object[]> memberKeys = batch.members().keySet().stream().map(r -> new Object[] {generation, r}).toList();
    jdbc.batchUpdate("DELETE FROM q_member WHERE generation = ? AND report_id = ?", memberKeys);
    List<Object[]> members = new ArrayList<>();
    batch.members().forEach((reportId, views) -> {
      for (MemberView member : views) {
        members.add(new Object[] {generation, reportId, member.entity(), OffsetDateTime.ofInstant(member.since(), ZoneOffset.UTC)});
      }
    });
    jdbc.batchUpdate("INSERT INTO q_member (generation, report_id, entity, since) VALUES (?, ?, ?, ?)", members);
    List<Object[]> pending = new ArrayList<>();
    batch.pending().forEach((reportId, approvals) -> {
      int ordinal = 0;
      for (PendingApproval p : approvals) {
        pending.add(
            new Object[] {
              generation,
              reportId,
              ordinal++,
              p.paragraphId() == null ? null : p.paragraphId().value(),
              p.decisionId() == null ? null : p.decisionId().value(),
              p.revision(),
              p.text(),
              p.authorEntity()
            });
      }
    });
    jdbc.batchUpdate(
        "INSERT INTO q_pending (generation, report_id, ordinal, paragraph_id, decision_id, revision, text,"
            + " author_entity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        pending);
    jdbc.batchUpdate(
        "INSERT INTO q_parked (generation, report_id, position, event_id, type, error, parked_at, kind, occurred_at,"
            + " payload, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        batch.parked().stream()
            .map(p -> new Object[] {
                  generation, cut(p.event().reportId()), p.event().position(), cut(p.event().eventId()), cut(p.event().type()),
                  storable(p.reason()), OffsetDateTime.now(ZoneOffset.UTC), p.kind().name(),
                  OffsetDateTime.ofInstant(p.event().timestamp(), ZoneOffset.UTC), storable(p.event().payload()),
                  p.event().previousHash(), p.event().hash()})
            .toList());
    jdbc.batchUpdate(
        "DELETE FROM q_parked WHERE id = ?", batch.released().stream().map(id -> new Object[] {id}).toList());
    List<Object[]> offsetRows = new ArrayList<>();
    batch.nextOffsets().forEach((tp, offset) -> offsetRows.add(new Object[] {offset, generation, tp.topic(), tp.partition()}));
    int[] moved = jdbc.batchUpdate(
        "UPDATE q_offset SET next_offset = ? WHERE generation = ? AND topic = ? AND kafka_partition = ?", offsetRows);
    List<Object[]> firstOffsets = new ArrayList<>();
    for (int i = 0; i < moved.length; i++) {
      if (moved[i] == 0) {
        Object[] row = offsetRows.get(i);
        firstOffsets.add(new Object[] {row[1], row[2], row[3], row[0]});
      }
    }
    jdbc.batchUpdate(
        "INSERT INTO q_offset (generation, topic, kafka_partition, next_offset) VALUES (?, ?, ?, ?)", firstOffsets);
  }

  // ---- rebuilds ----

  void rebuildStarted(String rebuildId, Instant at) {
    OffsetDateTime time = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    jdbc.update(
        "INSERT INTO q_rebuild (rebuild_id, status, events_applied, detail, started_at, updated_at)"
            + " VALUES (?, 'RUNNING', 0, NULL, ?, ?)",
        rebuildId, time, time);
  }

  void rebuildProgressed(ProjectionRebuild.Status status, Instant at) {
    jdbc.update(
        "UPDATE q_rebuild SET status = ?, events_applied = ?, detail = ?, updated_at = ? WHERE rebuild_id = ?",
        status.status(), status.eventsApplied(), storable(status.detail()), OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
        status.rebuildId());
  }

  /** A rebuild as last recorded, with the instant of that record. */
  record RecordedRebuild(ProjectionRebuild.Status status, Instant updatedAt) {}

  Optional<RecordedRebuild> rebuild(String rebuildId) {
    return jdbc.query(
            "SELECT rebuild_id, status, events_applied, detail, updated_at FROM q_rebuild WHERE rebuild_id = ?",
            (rs, i) -> new RecordedRebuild(
                new ProjectionRebuild.Status(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)),
                rs.getObject(5, OffsetDateTime.class).toInstant()),
            rebuildId)
        .stream()
        .findFirst();
  }

  /** The rebuilds recorded as running whose record moved since {@code since}. */
  List<String> rebuildsRunningSince(Instant since) {
    return jdbc.queryForList(
        "SELECT rebuild_id FROM q_rebuild WHERE status = 'RUNNING' AND updated_at >= ?",
        String.class,
        OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
  }

  // ---- reads ----

  public Optional<String> draftJson(int generation, String reportId) {
    return jdbc.query(
            "SELECT draft FROM q_draft WHERE generation = ? AND report_id = ?",
            (rs, i) -> rs.getString(1),
            generation,
            reportId)
        .stream()
        .findFirst();
  }

  public long position(int generation, String reportId) {
    List<Long> positions =
        jdbc.queryForList(
            "SELECT position FROM q_draft WHERE generation = ? AND report_id = ?", Long.class, generation, reportId);
    return positions.isEmpty() ? 0 : positions.get(0);
  }

  public List<ReportSummary> reports(int generation) {
    return jdbc.query(
        "SELECT report_id, title, status, position FROM q_draft WHERE generation = ? ORDER BY report_id",
        ProjectionStore::summary,
        generation);
  }

  /** The reports the entity is a member of. */
  public List<ReportSummary> reportsOfMember(int generation, String entity) {
    return jdbc.query(
        "SELECT d.report_id, d.title, d.status, d.position FROM q_draft d JOIN q_member m"
            + " ON m.generation = d.generation AND m.report_id = d.report_id"
            + " WHERE d.generation = ? AND m.entity = ? ORDER BY d.report_id",
        ProjectionStore::summary,
        generation,
        entity);
  }

  private static ReportSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new ReportSummary(
        ReportId.of(rs.getString(1)), rs.getString(2), ReportStatus.valueOf(rs.getString(3)), rs.getLong(4));
  }

  /** Whether the entity is a member of the report; false as well for a report that does not exist. */
  public boolean isMember(int generation, String reportId, String entity) {
    return jdbc.queryForObject(
            "SELECT COUNT(*) FROM q_member WHERE generation = ? AND report_id = ? AND entity = ?",
            Long.class, generation, reportId, entity) > 0;
  }

  /** The report's member entities in code order, each with the instant it became one. */
  public List<MemberView> members(int generation, String reportId) {
    return jdbc.query(
        "SELECT entity, since FROM q_member WHERE generation = ? AND report_id = ? ORDER BY entity",
        (rs, i) -> new MemberView(rs.getString(1), instant(rs.getObject(2, OffsetDateTime.class))),
        generation,
        reportId);
  }

  /** The report's events up to and including {@code maxPosition}, oldest first. */
  public List<RecordedEvent> events(int generation, String reportId, long maxPosition) {
    return jdbc.query(
        "SELECT position, event_id, type, occurred_at, payload FROM q_event"
            + " WHERE generation = ? AND report_id = ? AND position <= ? ORDER BY position",
        ProjectionStore::recordedEvent,
        generation,
        reportId,
        maxPosition);
  }

  /**
   * The events of one paragraph of the report, oldest first, and the report's corrigenda, which may
   * correct it: what its history is made of.
   */
  public List<RecordedEvent> paragraphEvents(int generation, String reportId, String paragraphId) {
    return jdbc.query(
        "SELECT position, event_id, type, occurred_at, payload FROM q_event"
            + " WHERE generation = ? AND report_id = ? AND (paragraph_id = ? OR type = 'CorrigendumIssued')"
            + " ORDER BY position",
        ProjectionStore::recordedEvent,
        generation,
        reportId,
        paragraphId);
  }

  /**
   * What a paragraph's "why" timeline is made of, oldest first: the paragraph's own events and the
   * report's adoptions, each with its link in the chain.
   */
  public List<WhyTimeline.Recorded> whyEvents(int generation, String reportId, String paragraphId) {
    return jdbc.query(
        "SELECT position, event_id, type, occurred_at, payload, hash FROM q_event"
            + " WHERE generation = ? AND report_id = ? AND (paragraph_id = ? OR type IN ('ReportAdopted',"
            + " 'ReportAdoptedAdReferendum', 'ReportAdoptionConfirmed', 'CorrigendumIssued')) ORDER BY position",
        (rs, row) -> new WhyTimeline.Recorded(
            rs.getLong(1),
            rs.getString(2),
            instant(rs.getObject(4, OffsetDateTime.class)),
            rs.getString(6),
            ReportEventJson.fromBytes(rs.getString(3), rs.getString(5).getBytes(java.nio.charset.StandardCharsets.UTF_8))),
        generation,
        reportId,
        paragraphId);
  }

  private static RecordedEvent recordedEvent(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new RecordedEvent(
        rs.getLong(1),
        rs.getString(2),
        instant(rs.getObject(4, OffsetDateTime.class)),
        ReportEventJson.fromBytes(rs.getString(3), rs.getString(5).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** The last position of the report at or before {@code instant}; 0 when it did not exist yet. */
  public long positionAt(int generation, String reportId, Instant instant) {
    Long position =
        jdbc.queryForObject(
            "SELECT MAX(position) FROM q_event WHERE generation = ? AND report_id = ? AND occurred_at <= ?",
            Long.class,
            generation,
            reportId,
            OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    return position == null ? 0 : position;
  }

  public List<AuditEntry> audit(int generation, String reportId, AuditFilter filter, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT position, event_id, type, occurred_at, actor_user, actor_role, actor_entity, payload, previous_hash,"
                + " hash FROM q_event WHERE generation = ? AND report_id = ? AND position > ?");
    List<Object> args = new ArrayList<>(List.of(generation, reportId, filter.afterPosition()));
    if (filter.actor() != null) {
      sql.append(" AND actor_user = ?");
      args.add(filter.actor());
    }
    if (filter.type() != null) {
      sql.append(" AND type = ?");
      args.add(filter.type());
    }
    if (filter.paragraphId() != null) {
      sql.append(" AND paragraph_id = ?");
      args.add(filter.paragraphId());
    }
    if (filter.from() != null) {
      sql.append(" AND occurred_at >= ?");
      args.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
    }
    if (filter.to() != null) {
      sql.append(" AND occurred_at < ?");
      args.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
    }
    sql.append(" ORDER BY position FETCH FIRST ? ROWS ONLY");
    args.add(limit);
    return jdbc.query(
        sql.toString(),
        (rs, i) ->
            new AuditEntry(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                instant(rs.getObject(4, OffsetDateTime.class)),
                new Actor(rs.getString(5), Role.valueOf(rs.getString(6)), rs.getString(7)),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10)),
        args.toArray());
  }

  public List<PendingApproval> pending(int generation, String reportId) {
    return pending(generation, reportId, null);
  }

  /**
   * What waits for the chair, of one report or all; with {@code memberEntity}, only in the reports
   * that entity is a member of.
   */
  public List<PendingApproval> pending(int generation, String reportId, String memberEntity) {
    String sql =
        "SELECT report_id, paragraph_id, decision_id, revision, text, author_entity FROM q_pending p WHERE generation = ?"
            + (reportId == null ? "" : " AND report_id = ?")
            + (memberEntity == null
                ? ""
                : " AND EXISTS (SELECT 1 FROM q_member m WHERE m.generation = p.generation"
                    + " AND m.report_id = p.report_id AND m.entity = ?)")
            + " ORDER BY report_id, ordinal";
    List<Object> argList = new ArrayList<>(List.of(generation));
    if (reportId != null) {
      argList.add(reportId);
    }
    if (memberEntity != null) {
      argList.add(memberEntity);
    }
    Object[] args = argList.toArray();
    return jdbc.query(
        sql,
        (rs, i) ->
            new PendingApproval(
                ReportId.of(rs.getString(1)),
                rs.getString(2) == null ? null : ParagraphId.of(rs.getString(2)),
                rs.getString(3) == null ? null : DecisionId.of(rs.getString(3)),
                (Integer) rs.getObject(4),
                rs.getString(5),
                rs.getString(6)),
        args);
  }

  public long parkedCount(int generation) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM q_parked WHERE generation = ?", Long.class, generation);
  }

  /** The report's applied position in every generation that holds it: a rebuild must not go back. */
  Map<String, Long> positions(int generation) {
    Map<String, Long> positions = new HashMap<>();
    jdbc.query(
        "SELECT report_id, position FROM q_draft WHERE generation = ?",
        rs -> {
          positions.put(rs.getString(1), rs.getLong(2));
        },
        generation);
    return positions;
  }

  static ReportDraft readDraft(String json) {
    try {
      return JSON.readValue(json, ReportDraft.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a stored draft cannot be read", e);
    }
  }

  private static String write(ReportDraft draft) {
    try {
      return JSON.writeValueAsString(draft);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a draft cannot be written", e);
    }
  }

  /** A parked record's identifiers may be as long as a sender made them; the row keeps what fits, without NUL. */
  private static String cut(String value) {
    String storable = storable(value);
    return storable == null || storable.length() <= 64 ? storable : storable.substring(0, 64);
  }

  /** PostgreSQL's text columns refuse NUL; a parked record's description must never be refused. */
  private static String storable(String value) {
    return value == null ? null : value.replace((char) 0, '\uFFFD');
  }

  private static Instant instant(OffsetDateTime time) {
    return time.toInstant();
  }

}
