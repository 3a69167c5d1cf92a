package org.rapporteur.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.ParagraphDrafted;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ReportCreated;
import org.rapporteur.shared.report.ReportHeader;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.Role;
import org.rapporteur.shared.report.SectionAdded;
import org.rapporteur.shared.report.SectionId;
import org.rapporteur.testing.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The query side's upgrade to member entities (V2_5, ADR 0007) on a projection database as the
 * version before wrote it: a stored draft without members and offsets past its records. The
 * migration empties the projections, and the projector reads the topic from its start again, so
 * the report's members are folded from its events.
 */
class MemberUpgradeOnH2Test {

  private static final Actor SECRETARY = new Actor("secretary", Role.SECRETARY, null);
  private static final Actor ITU = new Actor("itu", Role.DELEGATE, "ITU");
  private static final Instant START = Instant.parse("2021-12-14T09:00:00Z");

  @Test
  void projectionsWrittenBeforeMembersAreProjectedAgainWithTheMembersTheirEventsImply() throws Exception {
    String url = TestDatabases.h2Url();
    DataSource dataSource = new DriverManagerDataSource(url, "sa", "");
    // Every migration before this change's V2_5, whichever others the query side has gained.
    MigrationVersion before =
        Arrays.stream(Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/query").load().info().all())
            .map(MigrationInfo::getVersion)
            .filter(version -> version.compareTo(MigrationVersion.fromVersion("2.5")) < 0)
            .max(MigrationVersion::compareTo)
            .orElseThrow();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/query").target(before).load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    // What the previous version stored for a projected report: its draft, without members, and offsets.
    jdbc.update("INSERT INTO q_draft (generation, report_id, title, status, position, draft) VALUES (1, 'legacy', 'Report',"
        + " 'DRAFT', 3, '{\"reportId\":\"legacy\",\"title\":\"Report\",\"status\":\"DRAFT\",\"position\":3}')");
    jdbc.update("INSERT INTO q_offset (generation, topic, kafka_partition, next_offset) VALUES (1, 'any', 0, 3)");

    try (ProjectionFixture fixture = new ProjectionFixture(url, "sa", "")) {
      assertThat(fixture.count("q_draft", 1)).isZero();
      assertThat(fixture.count("q_offset", 1)).isZero();

      fixture.projector();
      fixture.publish(legacyReport(fixture.topic));
      fixture.awaitPosition("legacy", 3);

      assertThat(fixture.store.isMember(1, "legacy", "ITU")).isTrue();
      assertThat(fixture.store.isMember(1, "legacy", "WMO")).isFalse();
      assertThat(fixture.store.members(1, "legacy")).singleElement()
          .satisfies(member -> assertThat(member.since()).isEqualTo(START.plusSeconds(120)));
      assertThat(fixture.store.draft(1, "legacy").orElseThrow().memberEntities()).containsExactly("ITU");
      assertThat(fixture.store.reportsOfMember(1, "ITU")).extracting(s -> s.reportId().value()).containsExactly("legacy");
    }
  }

  private static List<ProducerRecord<byte[], byte[]>> legacyReport(String topic) {
    ReportId report = ReportId.of("legacy");
    SectionId section = SectionId.of("s-1");
    return List.of(
        ProjectionFixture.record(topic, new ReportCreated(report, new ReportHeader("Meeting", 1, "Report", "online",
            LocalDate.of(2021, 12, 14), LocalDate.of(2021, 12, 14), "en", null, null, null, List.of()), SECRETARY, START), 1),
        ProjectionFixture.record(topic, new SectionAdded(report, section, "I", "Introduction", List.of(), null, SECRETARY,
            START.plusSeconds(60)), 2),
        ProjectionFixture.record(topic, new ParagraphDrafted(report, ParagraphId.of("p-1"), section, null, "ITU reported.",
            "ITU", 1, ITU, START.plusSeconds(120)), 3));
  }
}
