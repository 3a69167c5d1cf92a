package org.rapporteur.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
import org.rapporteur.testing.Await;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A report of 10,000 events loaded by the command side, on PostgreSQL: the command side runs in
 * this JVM with the production wiring (snapshots every 250 events), the events are appended in one
 * transaction, one command has a snapshot taken, and a cold load (an uncached repository, as on a
 * cache miss) is timed, beside a plain JDBC read of the same rows.
 */
final class ReportLoad {

  private static final Actor SECRETARY = new Actor("secretary", Role.SECRETARY, null);
  private static final int PARAGRAPHS = 100;
  private static final int ROUNDS = 7;
  private static final String TEXT = "The Meeting noted with appreciation the information provided by the"
      + " entities of the United Nations system on their activities related to space-derived data, revision ";

  record Figures(int events, double coldLoadFromSnapshotMs, double coldLoadWithoutSnapshotMs, double plainJdbcReadMs) {}

  private ReportLoad() {}

  static Figures measure(String database, String bootstrapServers, int events) {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandSideApplication.class)
        .properties(
            "server.port=0",
            "server.address=127.0.0.1",
            "spring.datasource.url=" + database,
            "spring.datasource.username=postgres",
            "spring.datasource.password=",
            "spring.flyway.locations=classpath:db/migration/command",
            "rapporteur.identity.mode=demo",
            "rapporteur.snapshot-threshold=250",
            "rapporteur.aggregate-cache.enabled=true",
            "rapporteur.kafka.bootstrap-servers=" + bootstrapServers,
            "rapporteur.kafka.topic=benchmark.report-load",
            "logging.level.root=WARN")
        .run()) {
      EventStore eventStore = context.getBean(EventStore.class);
      Configuration axon = context.getBean(Configuration.class);
      ReportId report = ReportId.random();
      int[] revisions = append(context.getBean(TransactionTemplate.class), eventStore, report, events);
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      double plainRead = median(() -> readRows(jdbc, report));
      double withoutSnapshot = median(() -> coldLoad(eventStore, axon, report));
      // The first command loads every event and, past the threshold, has a snapshot taken.
      context.getBean(CommandGateway.class).sendAndWait(
          new ReviseParagraph(report, ParagraphId.of("p-0"), TEXT + "a", revisions[0], SECRETARY));
      Await.until("a snapshot of the report", Duration.ofSeconds(30), () -> jdbc.queryForObject(
          "SELECT count(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Long.class, report.value()) > 0);
      double withSnapshot = median(() -> coldLoad(eventStore, axon, report));
      return new Figures(events, withSnapshot, withoutSnapshot, plainRead);
    }
  }

  /** What reading the report's rows costs without Axon: the floor under a load without snapshot. */
  private static long readRows(JdbcTemplate jdbc, ReportId report) {
    long[] bytes = {0};
    jdbc.query("SELECT sequenceNumber, payloadType, payload, metaData FROM DomainEventEntry"
            + " WHERE aggregateIdentifier = ? ORDER BY sequenceNumber",
        rs -> {
          bytes[0] += rs.getBytes(3).length + rs.getString(2).length() + rs.getLong(1);
        },
        report.value());
    return bytes[0];
  }

  private static int[] append(TransactionTemplate transactions, EventStore eventStore, ReportId report, int count) {
    Instant at = Instant.parse("2025-06-02T09:00:00Z");
    SectionId section = SectionId.of("s-1");
    List<ReportEvent> events = new ArrayList<>();
    events.add(new ReportCreated(report, new ReportHeader("Benchmark", 1, "Report load", "Vienna",
        LocalDate.parse("2025-06-02"), LocalDate.parse("2025-06-06"), "en", null, null, null, List.of()), SECRETARY, at));
    events.add(new SectionAdded(report, section, "I", "Introduction", List.of(), null, SECRETARY, at));
    int[] revisions = new int[PARAGRAPHS];
    for (int p = 0; p < PARAGRAPHS; p++) {
      events.add(new ParagraphDrafted(report, ParagraphId.of("p-" + p), section, null, TEXT + 1, "SECRETARIAT", 1, SECRETARY, at));
      revisions[p] = 1;
    }
    for (int i = 0; events.size() < count; i++) {
      int p = i % PARAGRAPHS;
      int revision = revisions[p]++;
      events.add(new ParagraphRevised(report, ParagraphId.of("p-" + p), revision, revision + 1, TEXT + (revision + 1), false, SECRETARY, at));
    }
    List<DomainEventMessage<?>> messages = new ArrayList<>();
    for (int seq = 0; seq < events.size(); seq++) {
      messages.add(new GenericDomainEventMessage<>("Report", report.value(), seq, events.get(seq)));
    }
    transactions.executeWithoutResult(status -> {
      UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
      uow.execute(() -> eventStore.publish(messages));
    });
    return revisions;
  }

  private static long coldLoad(EventStore eventStore, Configuration axon, ReportId report) {
    EventSourcingRepository<Report> uncached = EventSourcingRepository.builder(Report.class)
        .eventStore(eventStore)
        .parameterResolverFactory(axon.parameterResolverFactory())
        .handlerDefinition(axon.handlerDefinition(Report.class))
        .build();
    UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
    try {
      return uncached.load(report.value()).version();
    } finally {
      uow.rollback();
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
}
