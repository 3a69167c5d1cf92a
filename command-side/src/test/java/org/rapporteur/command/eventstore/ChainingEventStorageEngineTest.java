package org.rapporteur.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.command.integrity.ChainVerifier;
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
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The engine keeps the hash of each report's last committed event so that the next append reads
 * nothing; an append whose unit of work rolled back must leave nothing kept, or the next append
 * would chain to an event that was never stored.
 */
class ChainingEventStorageEngineTest {

  private static final Actor SECRETARY = new Actor("secretary", Role.SECRETARY, null);
  private static final ReportId REPORT = ReportId.of("report-1");

  @TempDir Path keys;
  private DataSource dataSource;
  private SpringTransactionManager transactions;
  private CheckpointSigner signer;

  @BeforeEach
  void store() {
    dataSource = new DriverManagerDataSource(TestDatabases.h2Url(), "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/command").load().migrate();
    transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
    signer = CheckpointSigner.load("", keys);
  }

  @Test
  void anAppendThatRolledBackLeavesNoHashForTheNextAppendToChainTo() {
    ChainingEventStorageEngine engine = engine();
    ChainingEventStorageEngine otherInstance = engine();
    append(engine, 0, "e-0", created(), true);
    append(engine, 1, "e-1-rolled-back", proposed("Rolled back"), false);
    append(otherInstance, 1, "e-1", proposed("Stored by another instance"), true);
    append(engine, 2, "e-2", proposed("After both"), true);
    append(engine, 3, "e-3", proposed("After its own"), true);

    ChainVerifier.Verification chain =
        new ChainVerifier(new JdbcTemplate(dataSource), signer.publicKey()).verify(REPORT.value());
    assertThat(chain.events()).isEqualTo(4);
    assertThat(chain.firstBrokenPosition()).as("the first position whose link does not follow").isNull();
    assertThat(chain.verified()).isTrue();
  }

  @Test
  void anInstantFinerThanTheStoresMillisecondsIsHashedAsTheStoreKeepsIt() {
    ChainingEventStorageEngine engine = engine();
    append(engine, 0, "e-0", created(), true, Instant.parse("2024-03-01T09:00:00.123999999Z"));
    append(engine, 1, "e-1", proposed("Nanoseconds"), true, Instant.parse("2024-03-01T09:00:01.000000001Z"));
    append(engine, 2, "e-2", proposed("Before the epoch"), true, Instant.parse("1969-12-31T23:59:59.999500Z"));

    ChainVerifier.Verification chain =
        new ChainVerifier(new JdbcTemplate(dataSource), signer.publicKey()).verify(REPORT.value());
    assertThat(chain.events()).isEqualTo(3);
    assertThat(chain.verified()).as("every hash recomputed from the stored instant").isTrue();
  }

  private ChainingEventStorageEngine engine() {
    Serializer events = JacksonSerializer.builder().objectMapper(ReportEventJson.newObjectMapper()).build();
    return new ChainingEventStorageEngine(JdbcEventStorageEngine.builder()
        .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource)))
        .transactionManager(transactions)
        .snapshotSerializer(events)
        .eventSerializer(events), signer);
  }

  /** Appends in a unit of work with its transaction, as a command does, and commits or rolls it back. */
  private void append(ChainingEventStorageEngine engine, long sequence, String eventId, ReportEvent event, boolean commit) {
    append(engine, sequence, eventId, event, commit, Instant.parse("2024-03-01T09:00:00Z").plusSeconds(sequence));
  }

  private void append(ChainingEventStorageEngine engine, long sequence, String eventId, ReportEvent event, boolean commit,
      Instant timestamp) {
    UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
    unitOfWork.attachTransaction(transactions);
    engine.appendEvents(List.of(new GenericDomainEventMessage<>(
        "Report", REPORT.value(), sequence, event, MetaData.emptyInstance(), eventId, timestamp)));
    if (commit) {
      unitOfWork.commit();
    } else {
      unitOfWork.rollback();
    }
  }

  private static ReportCreated created() {
    return new ReportCreated(REPORT, new ReportHeader("Body", 1, "Title", "Venue", LocalDate.parse("2024-03-01"),
        LocalDate.parse("2024-03-02"), "en", null, null, null, List.of()), SECRETARY, Instant.parse("2024-03-01T09:00:00Z"));
  }

  private static AgendaItemProposed proposed(String title) {
    return new AgendaItemProposed(REPORT, AgendaItemId.random(), title, null, SECRETARY, Instant.parse("2024-03-01T09:00:00Z"));
  }
}
