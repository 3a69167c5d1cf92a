package org.rapporteur.command.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.junit.jupiter.api.Test;
import org.rapporteur.command.CommandSideApplication;
import org.rapporteur.command.report.Report;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.ParagraphDrafted;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphRevised;
import org.rapporteur.shared.report.ReportCreated;
import org.rapporteur.shared.report.ReportEvent;
import org.rapporteur.shared.report.ReportHeader;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.ReviseParagraph;
import org.rapporteur.shared.report.Role;
import org.rapporteur.shared.report.SectionAdded;
import org.rapporteur.shared.report.SectionId;
import org.rapporteur.testing.TestKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures, does not assert on timing: how long a report of 10,000 events takes to load from a
 * real JDBC event store (an H2 file) with the production wiring (snapshots every 250 events, the
 * aggregate cache), against the time plain JDBC needs to read the same 10,000 rows. Prints its
 * figures to the test output. A cold load is what the repository does on a cache miss, measured
 * with an uncached repository over the same event store.
 */
@SpringBootTest(
    classes = CommandSideApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.flyway.locations=classpath:db/migration/command",
      "rapporteur.identity.mode=demo",
      "rapporteur.snapshot-threshold=250",
      "rapporteur.aggregate-cache.enabled=true"
    })
class ReportLoadBenchmarkTest {

  private static final int EVENTS = 10_000;
  private static final int PARAGRAPHS = 100;
  private static final int ROUNDS = 7;
  private static final int COMMANDS = 200;
  private static final Actor SECRETARY = new Actor("secretary", Role.SECRETARY, null);
  private static final String TEXT =
      "The Meeting noted with appreciation the information provided by the entities of the United Nations"
          + " system on their activities related to the use of space-derived data, revision ";

  @Autowired EventStore eventStore;
  @Autowired Configuration axon;
  @Autowired CommandGateway commands;
  @Autowired DataSource dataSource;
  @Autowired TransactionTemplate transactions;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    Path file = Files.createTempDirectory("report-load-benchmark").resolve("events");
    registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE");
    registry.add("spring.datasource.username", () -> "sa");
    registry.add("spring.datasource.password", () -> "");
    registry.add("rapporteur.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    registry.add("rapporteur.kafka.topic", () -> "benchmark-" + file.getParent().getFileName());
  }

  @Test
  void reportOfTenThousandEventsLoadsFast() {
    ReportId report = ReportId.random();
    int[] revisions = appendEvents(report);

    double jdbc = median(() -> readRows(report));
    double withoutSnapshot = median(() -> coldLoad(report));

    // The first command loads all events and, past the threshold, has a snapshot taken.
    ParagraphId first = ParagraphId.of("p-0");
    commands.sendAndWait(new ReviseParagraph(report, first, TEXT + "a", revisions[0]++, SECRETARY));
    awaitSnapshot(report);
    double withSnapshot = median(() -> coldLoad(report));

    long[] latencies = new long[COMMANDS];
    for (int i = 0; i < COMMANDS; i++) {
      int p = i % PARAGRAPHS;
      long start = System.nanoTime();
      commands.sendAndWait(
          new ReviseParagraph(report, ParagraphId.of("p-" + p), TEXT + "b" + i, revisions[p]++, SECRETARY));
      latencies[i] = System.nanoTime() - start;
    }
    Arrays.sort(latencies);

    System.out.printf(
        Locale.ROOT,
        "%nREPORT LOAD BENCHMARK (%d events, H2 file, snapshot threshold 250, cache on; median of %d)%n"
            + "  plain JDBC read of the %d event rows (baseline): %8.2f ms%n"
            + "  cold load, no snapshot:                          %8.2f ms%n"
            + "  cold load from the latest snapshot:              %8.2f ms%n"
            + "  command on the report (cached), median / p95:    %8.2f / %.2f ms over %d commands%n%n",
        EVENTS, ROUNDS, EVENTS, jdbc, withoutSnapshot, withSnapshot,
        latencies[COMMANDS / 2] / 1e6, latencies[COMMANDS * 95 / 100] / 1e6, COMMANDS);
    assertThat(revisions[0]).isGreaterThan(1);
  }

  /** The 10,000 events of one report, appended in one transaction: paragraphs revised in turn. */
  private int[] appendEvents(ReportId report) {
    Instant at = Instant.parse("2025-06-01T09:00:00Z");
    SectionId section = SectionId.of("s-1");
    List<ReportEvent> events = new ArrayList<>();
    events.add(new ReportCreated(report, header(), SECRETARY, at));
    events.add(new SectionAdded(report, section, "I", "Introduction", List.of(), null, SECRETARY, at));
    int[] revisions = new int[PARAGRAPHS];
    for (int p = 0; p < PARAGRAPHS; p++) {
      events.add(new ParagraphDrafted(report, ParagraphId.of("p-" + p), section, null, TEXT + 1, "SECRETARIAT", 1, SECRETARY, at));
      revisions[p] = 1;
    }
    for (int i = 0; events.size() < EVENTS; i++) {
      int p = i % PARAGRAPHS;
      int revision = revisions[p]++;
      events.add(
          new ParagraphRevised(report, ParagraphId.of("p-" + p), revision, revision + 1, TEXT + (revision + 1), false, SECRETARY, at));
    }
    List<DomainEventMessage<?>> messages = new ArrayList<>();
    for (int seq = 0; seq < events.size(); seq++) {
      messages.add(new GenericDomainEventMessage<>("Report", report.value(), seq, events.get(seq)));
    }
    transactions.executeWithoutResult(
        status -> {
          UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
          uow.execute(() -> eventStore.publish(messages));
        });
    return revisions;
  }

  private long coldLoad(ReportId report) {
    EventSourcingRepository<Report> uncached =
        EventSourcingRepository.builder(Report.class)
            .eventStore(eventStore)
            .parameterResolverFactory(axon.parameterResolverFactory())
            .handlerDefinition(axon.handlerDefinition(Report.class))
            .build();
    UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
    try {
      Aggregate<Report> loaded = uncached.load(report.value());
      return loaded.version();
    } finally {
      uow.rollback();
    }
  }

  private long readRows(ReportId report) {
    long bytes = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT sequenceNumber, payloadType, payload, metaData FROM DomainEventEntry"
                    + " WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")) {
      s.setString(1, report.value());
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          bytes += rows.getBytes(3).length + rows.getString(2).length() + rows.getLong(1);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return bytes;
  }

  /** The snapshotter may store the snapshot after the command has answered. */
  private void awaitSnapshot(ReportId report) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (snapshots(report) == 0) {
      assertThat(System.nanoTime()).as("a snapshot within 10 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  private int snapshots(ReportId report) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")) {
      s.setString(1, report.value());
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Median milliseconds of {@value #ROUNDS} runs after one warm-up. */
  private static double median(java.util.function.LongSupplier work) {
    work.getAsLong();
    long[] times = new long[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long start = System.nanoTime();
      work.getAsLong();
      times[i] = System.nanoTime() - start;
    }
    Arrays.sort(times);
    return times[ROUNDS / 2] / 1e6;
  }

  private static ReportHeader header() {
    return new ReportHeader(
        "Inter-Agency Meeting on Outer Space Activities", 40, "Report on its fortieth session", "online",
        LocalDate.parse("2021-12-14"), LocalDate.parse("2021-12-14"), "en", null, null, null, List.of());
  }
}
