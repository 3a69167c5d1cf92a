package org.rapporteur.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapporteur.query.draft.PendingApprovals;
import org.rapporteur.shared.draft.AuditEntry;
import org.rapporteur.shared.draft.PendingApproval;
import org.rapporteur.shared.integrity.HashChain;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.AgendaItemId;
import org.rapporteur.shared.report.AgendaItemProposed;
import org.rapporteur.shared.report.ParagraphApproved;
import org.rapporteur.shared.report.ParagraphDrafted;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphRevised;
import org.rapporteur.shared.report.ParagraphSubmitted;
import org.rapporteur.shared.report.ReportCreated;
import org.rapporteur.shared.report.ReportEvent;
import org.rapporteur.shared.report.ReportHeader;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.Role;
import org.rapporteur.shared.report.SectionAdded;
import org.rapporteur.shared.report.SectionId;
import org.rapporteur.testing.TestKafka;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The live projector and the rebuild against a real Kafka broker and a real database: duplicates,
 * restarts, parking and replay. Subclasses pick the database.
 */
abstract class ProjectorTest {

  private ProjectionFixture fixture;

  abstract ProjectionFixture fixture() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    fixture = fixture();
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void duplicateDeliveryChangesNothing() throws Exception {
    fixture.projector();
    List<ProducerRecord<byte[], byte[]>> stream = fixture.report("dup", 6);
    fixture.publish(stream.subList(0, 5));
    fixture.awaitPosition("dup", 5);
    List<Map<String, Object>> events = fixture.rows("q_event", 1, "report_id, position");
    List<Map<String, Object>> drafts = fixture.rows("q_draft", 1, "report_id");

    fixture.publish(stream.subList(0, 5)); // the publisher sent its batch again
    fixture.publish(stream.subList(5, 6));
    fixture.awaitPosition("dup", 6);

    List<Map<String, Object>> after = fixture.rows("q_event", 1, "report_id, position");
    assertThat(after).hasSize(6);
    assertThat(after.subList(0, 5)).isEqualTo(events);
    assertThat(fixture.count("q_parked", 1)).isZero();
    assertThat(fixture.rows("q_draft", 1, "report_id")).hasSize(drafts.size());
  }

  /**
   * The chair's queue is written only when a batch changes it: whatever the batches did, and
   * after a restart (nothing cached), the stored queue is the one the stored draft shows.
   */
  @Test
  void theChairsQueueFollowsTheDraftBatchAfterBatch() throws Exception {
    ReportProjector first = fixture.projector();
    ReportId id = ReportId.of("queue");
    Instant at = Instant.parse("2021-12-14T10:00:00Z");
    SectionId section = SectionId.of("s-1");
    ParagraphId p1 = ParagraphId.of("p-1");
    Actor secretary = ProjectionFixture.SECRETARY;
    Actor chair = new Actor("chair", Role.CHAIR, null);
    List<ReportEvent> events = List.of(
        new ReportCreated(id, ProjectionFixture.header(), secretary, at),
        new SectionAdded(id, section, "I", "Introduction", List.of(), null, secretary, at),
        new ParagraphDrafted(id, p1, section, null, "First text", "SECRETARIAT", 1, secretary, at),
        new ParagraphSubmitted(id, p1, 1, secretary, at),
        new ParagraphDrafted(id, ParagraphId.of("p-2"), section, p1, "Second text", "SECRETARIAT", 1, secretary, at),
        new ParagraphRevised(id, p1, 1, 2, "First text, revised", false, secretary, at),
        new ParagraphSubmitted(id, p1, 2, secretary, at),
        new ParagraphApproved(id, p1, 2, null, chair, at));
    List<String> expected = List.of("", "", "", "p-1@1", "p-1@1", "", "p-1@2", "");
    for (int i = 0; i < events.size(); i++) {
      if (i == 5) { // a projector that has cached nothing goes on
        first.stop();
        fixture.projector();
      }
      int position = i + 1;
      fixture.publish(List.of(ProjectionFixture.record(fixture.topic, events.get(i), position)));
      fixture.awaitPosition("queue", position);
      List<PendingApproval> stored = fixture.store.pending(1, "queue");
      assertThat(stored).as("queue at position %d", position)
          .isEqualTo(PendingApprovals.of(fixture.store.draft(1, "queue").orElseThrow()));
      assertThat(String.join(",", stored.stream().map(p -> p.paragraphId().value() + "@" + p.revision()).toList()))
          .as("queue at position %d", position).isEqualTo(expected.get(i));
    }
  }

  @Test
  void theSameProjectorStoppedAndStartedAgainGoesOnProjecting() throws Exception {
    // Spring stops and starts lifecycle beans of a paused context; a closed consumer cannot subscribe.
    ReportProjector projector = fixture.projector();
    List<ProducerRecord<byte[], byte[]>> records = fixture.report("stop-start", 10);
    fixture.publish(records.subList(0, 5));
    fixture.awaitPosition("stop-start", 5);
    projector.stop();

    projector.start();
    fixture.publish(records.subList(5, 10));
    fixture.awaitPosition("stop-start", 10);

    assertThat(projector.isRunning()).isTrue();
    assertThat(fixture.count("q_event", 1)).isEqualTo(10);
  }

  @Test
  void aRestartedProjectorResumesFromTheStoredOffsetsApplyingEachEventOnce() throws Exception {
    ReportProjector first = fixture.projector();
    List<ProducerRecord<byte[], byte[]>> a = fixture.report("restart-a", 20);
    List<ProducerRecord<byte[], byte[]>> b = fixture.report("restart-b", 20);
    fixture.publish(interleave(a.subList(0, 10), b.subList(0, 10)));
    fixture.awaitPosition("restart-a", 10);
    fixture.awaitPosition("restart-b", 10);
    first.stop();
    Map<TopicPartition, Long> offsetsAtStop = fixture.store.offsets(1, fixture.topic);

    fixture.publish(interleave(a.subList(10, 20), b.subList(10, 20)));
    ReportProjector second = fixture.projector();
    fixture.awaitPosition("restart-a", 20);
    fixture.awaitPosition("restart-b", 20);

    assertThat(second.eventsApplied()).as("the second projector applies only what the first did not").isEqualTo(20);
    assertThat(fixture.count("q_event", 1)).isEqualTo(40);
    Map<TopicPartition, Long> offsets = fixture.store.offsets(1, fixture.topic);
    assertThat(offsetsAtStop.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(20);
    assertThat(offsets.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(40);
  }

  @Test
  void anUnreadableRecordIsQuarantinedAndItsReportWaitsForThePositionUntilItArrives() throws Exception {
    ReportProjector projector = fixture.projector();
    List<ProducerRecord<byte[], byte[]>> broken = new ArrayList<>(fixture.report("broken", 3));
    ProducerRecord<byte[], byte[]> good = broken.get(1);
    broken.set(1, ProjectionFixture.record(fixture.topic, "broken", "AgendaItemProposed",
        "{not json".getBytes(StandardCharsets.UTF_8), 2, Instant.now()));
    fixture.publish(broken);
    fixture.publish(fixture.report("healthy", 3));
    fixture.awaitPosition("healthy", 3);
    fixture.awaitPosition("broken", 1);
    fixture.publish(broken); // redelivered: kept once, not twice

    fixture.publish(fixture.report("healthy-after", 2));
    fixture.awaitPosition("healthy-after", 2);
    List<Map<String, Object>> parked = fixture.jdbc.queryForList(
        "SELECT position, kind, error FROM q_parked WHERE report_id = 'broken' ORDER BY position");
    assertThat(parked).hasSize(2);
    assertThat(parked.get(0).get("kind")).isEqualTo("UNREADABLE");
    assertThat(parked.get(0).get("error").toString()).startsWith("unreadable event");
    assertThat(parked.get(1).get("kind")).isEqualTo("WAITING");
    assertThat(parked.get(1).get("error").toString()).isEqualTo("waiting for position 2");
    assertThat(fixture.store.position(1, "broken")).isEqualTo(1);

    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
      Health health =
          new ProjectionHealthIndicator(admin, fixture.store, projector, fixture.topic, Duration.ofSeconds(5),
              fixture.counters, "query-side-1").health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("parkedEvents", 2L).containsEntry("projectorRunning", true);
      assertThat(health.getDetails().get("heldReports")).asList()
          .containsExactly(new ProjectionStore.HeldReport("broken", "GAP", 2, 1, 1, "position 2 has not arrived"));
      assertThat(health.getDetails().get("lag").toString()).contains("total=0");
      assertThat(health.getDetails()).containsEntry("role", "query-side").containsEntry("groupInstanceId", "query-side-1")
          .containsEntry("assignedPartitions", java.util.Set.of(0, 1, 2)).containsEntry("instanceLag", 0L);
    }

    fixture.publish(List.of(good)); // the event store republished it
    fixture.awaitPosition("broken", 3);
    assertThat(fixture.jdbc.queryForList("SELECT kind FROM q_parked WHERE report_id = 'broken'", String.class))
        .as("what waited is applied; the unreadable record stays quarantined").containsExactly("UNREADABLE");
    assertThat(fixture.store.heldReports(1)).isEmpty();
    assertThat(fixture.rows("q_event", 1, "position").stream().filter(r -> r.get("report_id").equals("broken")))
        .extracting(r -> ((Number) r.get("position")).longValue())
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void aMissingPositionHoldsOnlyItsReportAcrossARestartAndEverythingWaitingIsAppliedOnceItArrives() throws Exception {
    ReportProjector first = fixture.projector();
    List<ProducerRecord<byte[], byte[]>> stream = fixture.report("gap", 7);
    fixture.publish(List.of(stream.get(0), stream.get(1), stream.get(4), stream.get(3), stream.get(6)));
    fixture.publish(fixture.report("beside-gap", 3));
    fixture.awaitPosition("beside-gap", 3);
    fixture.awaitPosition("gap", 2);
    ProjectionFixture.awaitCondition("three records waiting", () -> fixture.count("q_parked", 1) == 3);
    fixture.publish(List.of(stream.get(3))); // a repeat of a waiting record is not kept twice
    fixture.publish(fixture.report("beside-gap-2", 2));
    fixture.awaitPosition("beside-gap-2", 2);
    assertThat(fixture.count("q_parked", 1)).isEqualTo(3);
    assertThat(fixture.store.heldReports(1)).extracting(ProjectionStore.HeldReport::reason, ProjectionStore.HeldReport::position)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("GAP", 3L));

    first.stop();
    fixture.projector(); // the hold and what waits are read back from the database
    fixture.publish(List.of(stream.get(2)));
    fixture.awaitPosition("gap", 5);
    assertThat(fixture.store.heldReports(1)).extracting(ProjectionStore.HeldReport::position).containsExactly(6L);
    fixture.publish(List.of(stream.get(5)));
    fixture.awaitPosition("gap", 7);
    assertThat(fixture.count("q_parked", 1)).isZero();
    assertThat(fixture.store.heldReports(1)).isEmpty();
    assertThat(fixture.jdbc.queryForList(
            "SELECT position FROM q_event WHERE generation = 1 AND report_id = 'gap' ORDER BY position", Long.class))
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
  }

  @Test
  void aRecordCarryingAnotherEventAtAnAppliedPositionIsAConflictThatHoldsItsReportAndIsCounted() throws Exception {
    ReportProjector projector = fixture.projector();
    List<ProducerRecord<byte[], byte[]>> stream = fixture.report("fork", 5);
    fixture.publish(stream.subList(0, 4));
    fixture.awaitPosition("fork", 4);
    ProducerRecord<byte[], byte[]> forked = ProjectionFixture.record(fixture.topic, ProjectionFixture.item(ReportId.of("fork"), 3), 3);
    forked.headers().remove("ce_id");
    forked.headers().add("ce_id", "another-event-at-3".getBytes(StandardCharsets.UTF_8));
    fixture.publish(List.of(stream.get(2), forked, stream.get(4))); // a duplicate, then a fork, then the next event
    fixture.publish(fixture.report("beside-fork", 2));
    fixture.awaitPosition("beside-fork", 2);

    ProjectionFixture.awaitCondition("the fork and what follows it kept aside", () -> fixture.count("q_parked", 1) == 2);
    assertThat(fixture.store.position(1, "fork")).as("nothing is applied past a fork").isEqualTo(4);
    assertThat(fixture.jdbc.queryForList("SELECT kind FROM q_parked WHERE report_id = 'fork' ORDER BY position", String.class))
        .containsExactly("CONFLICT", "WAITING");
    assertThat(fixture.counters.conflicts()).isEqualTo(1);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
      Health health = new ProjectionHealthIndicator(admin, fixture.store, projector, fixture.topic, Duration.ofSeconds(5),
          fixture.counters, "query-side-1").health();
      assertThat(health.getDetails()).containsEntry("conflicts", 1L);
      assertThat(health.getDetails().get("heldReports")).asList().singleElement().satisfies(held -> {
        ProjectionStore.HeldReport report = (ProjectionStore.HeldReport) held;
        assertThat(report.reportId()).isEqualTo("fork");
        assertThat(report.reason()).isEqualTo("CONFLICT");
        assertThat(report.position()).isEqualTo(3);
        assertThat(report.error()).contains("evt-fork-3").contains("another-event-at-3");
      });
    }
  }

  @Test
  void chainedRecordsAreAppliedAndTheAuditTrailShowsTheirLinks() throws Exception {
    fixture.projector();
    List<ProducerRecord<byte[], byte[]>> stream = ProjectionFixture.chained(fixture.report("linked", 3));
    fixture.publish(stream);
    fixture.awaitPosition("linked", 3);

    List<AuditEntry> audit = fixture.store.audit(1, "linked", new AuditFilter(0, null, null, null, null, null), 10);
    assertThat(audit).extracting(AuditEntry::previousHash).containsExactly(
        HashChain.GENESIS, header(stream.get(0), "ce_hash"), header(stream.get(1), "ce_hash"));
    assertThat(audit).extracting(AuditEntry::hash).containsExactly(
        header(stream.get(0), "ce_hash"), header(stream.get(1), "ce_hash"), header(stream.get(2), "ce_hash"));
    assertThat(fixture.store.heldReports(1)).isEmpty();
  }

  @Test
  void aRecordWhoseHashIsNotTheHashOfWhatItCarriesHoldsItsReportAsABrokenLinkAndShowsInHealth() throws Exception {
    ReportProjector projector = fixture.projector();
    List<ProducerRecord<byte[], byte[]>> stream = ProjectionFixture.chained(fixture.report("tampered", 5));
    ProducerRecord<byte[], byte[]> original = stream.get(2);
    ProducerRecord<byte[], byte[]> edited = new ProducerRecord<>(original.topic(), null, original.key(),
        new String(original.value(), StandardCharsets.UTF_8).replace("Item 3", "Item X").getBytes(StandardCharsets.UTF_8),
        original.headers());
    fixture.publish(List.of(stream.get(0), stream.get(1), edited, stream.get(3), stream.get(4)));
    fixture.publish(fixture.report("beside-tampered", 2));
    fixture.awaitPosition("beside-tampered", 2);

    ProjectionFixture.awaitCondition("the edited record and what follows it kept aside", () -> fixture.count("q_parked", 1) == 3);
    assertThat(fixture.store.position(1, "tampered")).as("nothing is applied past a broken link").isEqualTo(2);
    assertThat(fixture.jdbc.queryForList("SELECT kind FROM q_parked WHERE report_id = 'tampered' ORDER BY position", String.class))
        .containsExactly("BROKEN_LINK", "WAITING", "WAITING");
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
      Health health = new ProjectionHealthIndicator(admin, fixture.store, projector, fixture.topic, Duration.ofSeconds(5),
          fixture.counters, "query-side-1").health();
      assertThat(health.getDetails().get("heldReports")).asList().singleElement().satisfies(held -> {
        ProjectionStore.HeldReport report = (ProjectionStore.HeldReport) held;
        assertThat(report.reportId()).isEqualTo("tampered");
        assertThat(report.reason()).isEqualTo("BROKEN_LINK");
        assertThat(report.position()).isEqualTo(3);
        assertThat(report.error()).contains("is not the hash of the event it carries");
      });
    }
  }

  @Test
  void aRecordLinkedToAnotherEventThanTheOneAppliedBeforeItHoldsItsReport() throws Exception {
    fixture.projector();
    List<ProducerRecord<byte[], byte[]>> stream = ProjectionFixture.chained(fixture.report("relinked", 3));
    // Another history of the same report: position 2 differs, so its position 3 links elsewhere.
    List<ProducerRecord<byte[], byte[]>> other = fixture.report("relinked", 3);
    other.set(1, ProjectionFixture.record(fixture.topic, new AgendaItemProposed(ReportId.of("relinked"),
        AgendaItemId.of("item-2"), "Another item 2", null, ProjectionFixture.SECRETARY, Instant.parse("2021-12-14T09:02:00Z")), 2));
    ProjectionFixture.chained(other);
    fixture.publish(List.of(stream.get(0), stream.get(1), other.get(2)));
    fixture.publish(fixture.report("beside-relinked", 2));
    fixture.awaitPosition("beside-relinked", 2);

    ProjectionFixture.awaitCondition("the record kept aside", () -> fixture.count("q_parked", 1) == 1);
    assertThat(fixture.store.position(1, "relinked")).isEqualTo(2);
    assertThat(fixture.store.heldReports(1)).singleElement().satisfies(held -> {
      assertThat(held.reason()).isEqualTo("BROKEN_LINK");
      assertThat(held.position()).isEqualTo(3);
      assertThat(held.error()).contains("the chain is broken").contains(header(stream.get(1), "ce_hash"));
    });
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  @Test
  void reProjectingAReportReplacesItsRowsByAFoldOfItsRecordsAndLiftsItsHold() throws Exception {
    fixture.projector();
    fixture.publish(fixture.report("repair", 3));
    fixture.publish(fixture.report("untouched", 3));
    fixture.awaitPosition("repair", 3);
    fixture.awaitPosition("untouched", 3);
    List<Map<String, Object>> before = fixture.rows("q_event", 1, "report_id, position");
    // Damage as an operator might find it: a lost row, and a report held by a parked record
    // without its payload, as parking worked before records were kept.
    fixture.jdbc.update("DELETE FROM q_event WHERE report_id = 'repair' AND position = 2");
    fixture.jdbc.update("INSERT INTO q_parked (generation, report_id, position, event_id, type, error, parked_at, kind)"
        + " VALUES (1, 'repair', 3, 'evt-repair-3', 'AgendaItemProposed', 'an earlier event of this report is parked',"
        + " CURRENT_TIMESTAMP, 'FAILED')");
    fixture.projectors.forEach(ReportProjector::stop);
    ReportProjector projector = fixture.projector();
    fixture.publish(List.of(fixture.report("repair", 4).get(3)));
    fixture.publish(fixture.report("after-damage", 1));
    fixture.awaitPosition("after-damage", 1);
    assertThat(fixture.store.position(1, "repair")).as("held").isEqualTo(3);

    ReportReprojection reprojection = new ReportReprojection(fixture.store, projector,
        () -> ProjectionConfiguration.consumer(fixture.properties, null));
    ReportReprojection.Outcome outcome = reprojection.reproject("repair", "admin");

    assertThat(outcome).isEqualTo(new ReportReprojection.Outcome("repair", 4, 4, null));
    List<Map<String, Object>> after = fixture.rows("q_event", 1, "report_id, position");
    assertThat(after.stream().filter(r -> !r.get("report_id").equals("after-damage")).toList())
        .containsAll(before)
        .hasSize(before.size() + 1);
    assertThat(fixture.count("q_parked", 1)).isZero();
    assertThat(fixture.jdbc.queryForList("SELECT actor_user FROM q_admin_action WHERE report_id = 'repair'", String.class))
        .containsExactly("admin");
    fixture.publish(List.of(fixture.report("repair", 5).get(4)));
    fixture.awaitPosition("repair", 5);
  }

  @Test
  void anEventWithAnIdLongerThanTheAuditTrailHoldsIsParkedInsteadOfFailingEveryBatch() throws Exception {
    fixture.projector();
    List<ProducerRecord<byte[], byte[]>> longIds = fixture.report("long-ids", 2);
    longIds.forEach(r -> {
      r.headers().remove("ce_id");
      r.headers().add("ce_id", "x".repeat(100).getBytes(StandardCharsets.UTF_8));
    });
    fixture.publish(longIds);
    fixture.publish(fixture.report("after-long", 2));
    fixture.awaitPosition("after-long", 2);
    ProjectionFixture.awaitCondition("the long report's events parked", () -> fixture.count("q_parked", 1) == 2);
    assertThat(fixture.jdbc.queryForList("SELECT error FROM q_parked ORDER BY position", String.class).get(0))
        .contains("longer than the audit trail holds");
  }

  @Test
  void aRecordTheDatabaseRefusesIsParkedAfterThreeTriesAndNeitherTheProjectorNorARebuildStops() throws Exception {
    ReportProjector projector = fixture.projector();
    // A title longer than q_draft holds: the command side refuses it, an older writer may not have.
    ReportHeader h = ProjectionFixture.header();
    ReportHeader tooLong = new ReportHeader(h.body(), h.sessionNumber(), "T".repeat(600), h.venue(), h.startDate(),
        h.endDate(), h.language(), null, null, null, null);
    ReportId refusedId = ReportId.of("refused");
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    records.add(ProjectionFixture.record(fixture.topic, new ReportCreated(refusedId, tooLong, ProjectionFixture.SECRETARY,
        Instant.parse("2021-12-14T09:00:00Z")), 1));
    records.add(ProjectionFixture.record(fixture.topic, ProjectionFixture.item(refusedId, 2), 2));
    records.addAll(fixture.report("beside-refused", 3));
    fixture.publish(records);

    fixture.awaitPosition("beside-refused", 3);
    ProjectionFixture.awaitCondition("the refused report's events parked", () -> fixture.count("q_parked", 1) == 2);
    List<String> errors = fixture.jdbc.queryForList(
        "SELECT error FROM q_parked WHERE report_id = 'refused' ORDER BY position", String.class);
    assertThat(errors.get(0)).startsWith("the database refused it 3 times");
    assertThat(errors.get(1)).isEqualTo("report on hold: FAILED at position 1");
    assertThat(fixture.store.position(1, "refused")).isZero();
    ProjectionFixture.awaitCondition("the projector's error cleared", () -> projector.lastError() == null);

    fixture.publish(fixture.report("after-refused", 2));
    fixture.awaitPosition("after-refused", 2);
    List<List<Map<String, Object>>> live = snapshot(1);
    ProjectionRebuild rebuild = fixture.rebuild(projector);
    String id = rebuild.start();
    ProjectionFixture.awaitCondition("the rebuild to end", () -> !rebuild.status(id).orElseThrow().status().equals("RUNNING"));
    assertThat(rebuild.status(id).orElseThrow().status()).isEqualTo("COMPLETED");
    assertThat(snapshot(2)).isEqualTo(live);
    assertThat(fixture.count("q_parked", 2)).isEqualTo(2);
  }

  @Test
  void aRebuiltGenerationEqualsTheLiveOneRowForRow() throws Exception {
    ReportProjector projector = fixture.projector();
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int r = 0; r < 12; r++) {
      records.addAll(fixture.report("replay-" + r, 5 + r));
    }
    records.add(ProjectionFixture.record(fixture.topic, "replay-0", "AgendaItemProposed",
        "{}".getBytes(StandardCharsets.UTF_8), 6, Instant.now()));
    fixture.publish(records);
    for (int r = 0; r < 12; r++) {
      fixture.awaitPosition("replay-" + r, 5 + r);
    }
    fixture.awaitPosition("replay-0", 5);
    ProjectionFixture.awaitCondition("the unappliable event parked", () -> fixture.count("q_parked", 1) == 1);
    List<List<Map<String, Object>>> live = snapshot(1);

    ProjectionRebuild rebuild = fixture.rebuild(projector);
    String id = rebuild.start();
    ProjectionFixture.awaitCondition("the rebuild to end", () -> !rebuild.status(id).orElseThrow().status().equals("RUNNING"));

    assertThat(rebuild.status(id).orElseThrow().status()).isEqualTo("COMPLETED");
    assertThat(rebuild.status(id).orElseThrow().eventsApplied()).isEqualTo(live.get(0).size());
    assertThat(fixture.store.activeGeneration()).isEqualTo(2);
    List<List<Map<String, Object>>> rebuilt = snapshot(2);
    assertThat(rebuilt.get(0)).as("q_event").isEqualTo(live.get(0));
    assertThat(rebuilt.get(1)).as("q_draft").isEqualTo(live.get(1));
    assertThat(rebuilt.get(2)).as("q_pending").isEqualTo(live.get(2));
    assertThat(rebuilt.get(3)).as("q_offset").isEqualTo(live.get(3));
    assertThat(fixture.count("q_parked", 2)).isEqualTo(1);
    ProjectionFixture.awaitCondition("the replaced generation deleted",
        () -> fixture.count("q_event", 1) + fixture.count("q_draft", 1) + fixture.count("q_offset", 1) == 0);
  }

  @Test
  void theReplacedGenerationStaysReadableForAWhileAfterTheSwitch() throws Exception {
    ReportProjector projector = fixture.projector();
    fixture.publish(fixture.report("read-across", 3));
    fixture.awaitPosition("read-across", 3);
    ProjectionRebuild rebuild = fixture.rebuild(projector, Duration.ofSeconds(2));
    String id = rebuild.start();
    ProjectionFixture.awaitCondition("the rebuild to end", () -> !rebuild.status(id).orElseThrow().status().equals("RUNNING"));
    assertThat(fixture.store.activeGeneration()).isEqualTo(2);
    // A query that read generation 1 just before the switch still finds its rows.
    assertThat(fixture.store.draft(1, "read-across")).isPresent();
    ProjectionFixture.awaitCondition("the replaced generation deleted", () -> fixture.count("q_draft", 1) == 0);
    assertThat(fixture.store.draft(2, "read-across")).isPresent();
  }

  /** A lane projects several polls in one transaction (fix 13): the result must be the live projection's. */
  @Test
  void aRebuildOfMorePollsThanOneTransactionTakesGivesTheLiveProjectionBack() throws Exception {
    ReportProjector projector = fixture.projector();
    int reports = 12;
    int events = ProjectionRebuild.BATCH_RECORDS / 8; // more records per partition than one poll returns
    for (int r = 0; r < reports; r++) {
      fixture.publish(fixture.report("many-polls-" + r, events));
    }
    for (int r = 0; r < reports; r++) {
      fixture.awaitPosition("many-polls-" + r, events);
    }
    ProjectionRebuild rebuild = fixture.rebuild(projector);
    String id = rebuild.start();
    ProjectionFixture.awaitCondition("the rebuild to end", () -> !rebuild.status(id).orElseThrow().status().equals("RUNNING"));
    assertThat(rebuild.status(id).orElseThrow().status()).isEqualTo("COMPLETED");

    assertThat(fixture.count("q_event", 2)).isEqualTo((long) reports * events);
    for (int r = 0; r < reports; r++) {
      assertThat(fixture.store.draftJson(2, "many-polls-" + r)).as("report %d rebuilt", r)
          .isEqualTo(fixture.store.draftJson(1, "many-polls-" + r)).isPresent();
    }
  }

  @Test
  void eventsPublishedDuringARebuildAreAppliedOnceAcrossTheSwitch() throws Exception {
    ReportProjector projector = fixture.projector();
    int reports = 8;
    int events = 60;
    List<List<ProducerRecord<byte[], byte[]>>> streams = new ArrayList<>();
    for (int r = 0; r < reports; r++) {
      streams.add(fixture.report("switch-" + r, events));
      fixture.publish(streams.get(r).subList(0, events / 2));
    }
    fixture.awaitPosition("switch-0", events / 2);
    ProjectionRebuild rebuild = fixture.rebuild(projector);

    ExecutorService writer = Executors.newSingleThreadExecutor();
    Future<?> writes = writer.submit(() -> {
      for (int i = events / 2; i < events; i++) {
        for (List<ProducerRecord<byte[], byte[]>> stream : streams) {
          fixture.publish(stream.subList(i, i + 1));
        }
      }
    });
    String id = rebuild.start();
    writes.get();
    writer.shutdown();
    ProjectionFixture.awaitCondition("the rebuild to end", () -> !rebuild.status(id).orElseThrow().status().equals("RUNNING"));
    assertThat(rebuild.status(id).orElseThrow().status()).isEqualTo("COMPLETED");
    for (int r = 0; r < reports; r++) {
      fixture.awaitPosition("switch-" + r, events);
    }

    assertThat(fixture.store.activeGeneration()).isEqualTo(2);
    assertThat(fixture.count("q_event", 2)).isEqualTo((long) reports * events);
    assertThat(fixture.count("q_parked", 2)).as("no gap, no event twice").isZero();
    for (int r = 0; r < reports; r++) {
      assertThat(fixture.store.position(2, "switch-" + r)).isEqualTo(events);
    }
  }

  /**
   * Two instances of the group on one database (ADR 0011): one rebuilds while both project, and
   * the other, whose generation the switch replaced, goes on with the new one without being stopped.
   */
  @Test
  void aRebuildOnOneInstanceIsFollowedByTheOtherInstanceOfTheGroupWithNothingLostOrAppliedTwice() throws Exception {
    ReportProjector rebuilding = fixture.projector();
    ReportProjector other = fixture.projector();
    ProjectionFixture.awaitCondition("both instances to own partitions",
        () -> !rebuilding.assignedPartitions().isEmpty() && !other.assignedPartitions().isEmpty()
            && rebuilding.assignedPartitions().size() + other.assignedPartitions().size() == ProjectionFixture.PARTITIONS);
    int reports = 24;
    int events = 40;
    List<List<ProducerRecord<byte[], byte[]>>> streams = new ArrayList<>();
    for (int r = 0; r < reports; r++) {
      streams.add(fixture.report("shared-" + r, events + 1));
      fixture.publish(streams.get(r).subList(0, events / 2));
    }
    for (int r = 0; r < reports; r++) {
      fixture.awaitPosition("shared-" + r, events / 2);
    }
    ProjectionRebuild rebuild = fixture.rebuild(rebuilding);

    ExecutorService writer = Executors.newSingleThreadExecutor();
    Future<?> writes = writer.submit(() -> {
      for (int i = events / 2; i < events; i++) {
        for (List<ProducerRecord<byte[], byte[]>> stream : streams) {
          fixture.publish(stream.subList(i, i + 1));
        }
      }
    });
    String id = rebuild.start();
    writes.get();
    writer.shutdown();
    ProjectionFixture.awaitCondition("the rebuild to end", () -> !rebuild.status(id).orElseThrow().status().equals("RUNNING"));
    assertThat(rebuild.status(id).orElseThrow().status()).isEqualTo("COMPLETED");
    // One more event per report after the switch: each instance writes some of them.
    streams.forEach(stream -> fixture.publish(stream.subList(events, events + 1)));
    for (int r = 0; r < reports; r++) {
      fixture.awaitPosition("shared-" + r, events + 1);
    }

    assertThat(fixture.store.activeGeneration()).isEqualTo(2);
    assertThat(fixture.count("q_event", 2)).isEqualTo((long) reports * (events + 1));
    assertThat(fixture.count("q_parked", 2)).as("no gap, no event twice").isZero();
    assertThat(other.generationsFollowed()).as("the other instance followed the switch").isEqualTo(1);
    assertThat(rebuilding.generationsFollowed()).as("the rebuilding instance switched by hand-over").isZero();
    assertThat(other.isRunning()).isTrue();
  }

  @Test
  void anyInstanceAnswersForARebuildAfterItEndedAndAnInterruptedOneAnswersFailed() throws Exception {
    ReportProjector projector = fixture.projector();
    fixture.publish(fixture.report("recorded", 4));
    fixture.awaitPosition("recorded", 4);
    ProjectionRebuild rebuild = fixture.rebuild(projector);
    String id = rebuild.start();
    ProjectionFixture.awaitCondition("the rebuild to end", () -> !rebuild.status(id).orElseThrow().status().equals("RUNNING"));

    // Another instance, or this one restarted: it knows the rebuild from the database alone.
    ProjectionRebuild elsewhere = fixture.rebuild(projector);
    assertThat(elsewhere.status(id)).hasValue(new ProjectionRebuild.Status(id, "COMPLETED", 4, null));
    assertThat(elsewhere.status("no-such-rebuild")).isEmpty();

    // A rebuild whose instance died: recorded as running, silent for longer than a minute.
    fixture.store.rebuildStarted("died", Instant.now().minus(Duration.ofMinutes(5)));
    ProjectionRebuild.Status died = elsewhere.status("died").orElseThrow();
    assertThat(died.status()).isEqualTo("FAILED");
    assertThat(died.detail()).startsWith("interrupted");
    String next = elsewhere.start();
    ProjectionFixture.awaitCondition("the next rebuild to end", () -> !elsewhere.status(next).orElseThrow().status().equals("RUNNING"));
    assertThat(elsewhere.status(next).orElseThrow().status()).isEqualTo("COMPLETED");
  }

  @Test
  void aRebuildThatAnotherInstanceRunsRefusesASecondOne() throws Exception {
    ReportProjector projector = fixture.projector();
    fixture.store.rebuildStarted("on-another-instance", Instant.now());
    assertThatThrownBy(() -> fixture.rebuild(projector).start())
        .isInstanceOf(ProjectionRebuild.AlreadyRunning.class)
        .hasMessageContaining("on-another-instance");
  }

  @Test
  void aSecondRebuildWhileOneRunsIsRefused() throws Exception {
    ReportProjector projector = fixture.projector();
    ProjectionRebuild rebuild = fixture.rebuild(projector);
    fixture.publish(fixture.report("busy", 3));
    fixture.awaitPosition("busy", 3);
    String first = rebuild.start();
    try {
      assertThatThrownBy(rebuild::start).isInstanceOf(ProjectionRebuild.AlreadyRunning.class);
    } finally {
      ProjectionFixture.awaitCondition("the rebuild to end", () -> !rebuild.status(first).orElseThrow().status().equals("RUNNING"));
    }
  }

  private List<List<Map<String, Object>>> snapshot(int generation) {
    return List.of(
        fixture.rows("q_event", generation, "report_id, position"),
        fixture.rows("q_draft", generation, "report_id"),
        fixture.rows("q_pending", generation, "report_id, ordinal"),
        fixture.rows("q_offset", generation, "topic, kafka_partition"));
  }

  private static <T> List<T> interleave(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      if (i < a.size()) all.add(a.get(i));
      if (i < b.size()) all.add(b.get(i));
    }
    return all;
  }
}
