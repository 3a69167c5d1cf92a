package org.rapporteur.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapporteur.shared.integrity.CheckpointKeys;
import org.rapporteur.shared.integrity.HashChain;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.AgendaItemId;
import org.rapporteur.shared.report.AgendaItemProposed;
import org.rapporteur.shared.report.ReportCreated;
import org.rapporteur.shared.report.ReportEvent;
import org.rapporteur.shared.report.ReportHeader;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.Role;
import org.rapporteur.testing.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Events stored before the hash chain existed get their chain from migration V1_5, which says so
 * in the record: in each event's metadata and in {@code admin_action}. On both databases.
 */
class ChainMigrationTest {

  private static final Actor SECRETARY = new Actor("secretary", Role.SECRETARY, null);
  private static final Instant AT = Instant.parse("2024-03-01T09:00:00.250Z");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"H2", "PostgreSQL"})
  void eventsStoredBeforeTheChainAreChainedByTheMigrationWhichSaysSo(String database) {
    DataSource dataSource = "H2".equals(database)
        ? new DriverManagerDataSource(TestDatabases.h2Url(), "sa", "")
        : new DriverManagerDataSource(TestDatabases.postgresUrl(), "postgres", TestDatabases.postgresPassword());
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    flyway(dataSource, "1.2").migrate();
    ReportId report = ReportId.of("old-report");
    ReportEvent created = new ReportCreated(report, new ReportHeader("Body", 1, "Title", "Venue",
        java.time.LocalDate.parse("2024-03-01"), java.time.LocalDate.parse("2024-03-02"), "en", null, null, null, List.of()),
        SECRETARY, AT);
    ReportEvent proposed = new AgendaItemProposed(report, AgendaItemId.of("item-1"), "Opening", null, SECRETARY, AT);
    storeAsBeforeTheChain(jdbc, "old-report", 0, "e-0", created, "{\"traceId\":\"t-0\"}");
    storeAsBeforeTheChain(jdbc, "old-report", 1, "e-1", proposed, null);
    storeAsBeforeTheChain(jdbc, "other-report", 0, "e-2",
        new ReportCreated(ReportId.of("other-report"), ((ReportCreated) created).header(), SECRETARY, AT), null);

    flyway(dataSource, "latest").migrate();

    ChainVerifier.Verification verification = new ChainVerifier(jdbc, CheckpointKeys.generate().getPublic()).verify("old-report");
    assertThat(verification.verified()).isTrue();
    assertThat(verification.events()).isEqualTo(2);
    assertThat(verification.chainedByMigrationThrough()).isEqualTo(2);
    String first = HashChain.hash(HashChain.GENESIS, 1, "e-0", "ReportCreated", AT, SECRETARY, ReportEventJson.toTree(created));
    assertThat(verification.headHash())
        .isEqualTo(HashChain.hash(first, 2, "e-1", "AgendaItemProposed", AT, SECRETARY, ReportEventJson.toTree(proposed)));
    assertThat(new String(jdbc.queryForObject(
            "SELECT metaData FROM DomainEventEntry WHERE eventIdentifier = 'e-0'", byte[].class), StandardCharsets.UTF_8))
        .as("the metadata the event had is kept").contains("\"traceId\":\"t-0\"").contains("\"hashChainedBy\":\"V1_5\"");
    assertThat(jdbc.queryForList("SELECT aggregateIdentifier || ': ' || outcome FROM admin_action"
            + " WHERE action = 'CHAIN_MIGRATION' ORDER BY aggregateIdentifier", String.class))
        .containsExactly(
            "old-report: hash chain computed for positions 1..2, stored before the chain existed",
            "other-report: hash chain computed for positions 1..1, stored before the chain existed");
  }

  private static Flyway flyway(DataSource dataSource, String target) {
    return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/command").target(target).load();
  }

  /** A row as the storage engine wrote it before it chained events: no link in its metadata. */
  private static void storeAsBeforeTheChain(
      JdbcTemplate jdbc, String aggregate, long sequence, String eventId, ReportEvent event, String metaData) {
    jdbc.update("INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
            + " payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, 'Report', ?, ?, NULL, ?, ?)",
        eventId, aggregate, sequence, AT.toString(), event.getClass().getName(), ReportEventJson.toBytes(event),
        metaData == null ? null : metaData.getBytes(StandardCharsets.UTF_8));
  }
}
