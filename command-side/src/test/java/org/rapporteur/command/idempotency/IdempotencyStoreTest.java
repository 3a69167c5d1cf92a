package org.rapporteur.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapporteur.command.idempotency.IdempotencyStore.Answer;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The idempotency_key table as the command side's own migrations create it, on H2. */
class IdempotencyStoreTest {

  private JdbcTemplate jdbc;
  private IdempotencyStore store;

  @BeforeEach
  void migrate() {
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource("jdbc:h2:mem:idempotency-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/command").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    store = new IdempotencyStore(jdbc, Duration.ofHours(24));
  }

  @Test
  void aKeyIsClaimedOncePerUserAndItsAnswerIsKept() {
    Attempt first = Attempt.of("itu", "k-1", "f");
    store.claim(first);
    store.answer(first, new Answer(201, "application/json", "/api/reports/r", bytes("{\"position\":3}")));

    assertThatThrownBy(() -> store.claim(Attempt.of("itu", "k-1", "f"))).isInstanceOf(DataIntegrityViolationException.class);
    store.claim(Attempt.of("wmo", "k-1", "f"));
    assertThat(store.find("itu", "k-1")).hasValueSatisfying(row -> {
      assertThat(row.attempt()).isEqualTo(first.id());
      assertThat(row.answer().status()).isEqualTo(201);
      assertThat(row.answer().location()).isEqualTo("/api/reports/r");
      assertThat(new String(row.answer().body(), StandardCharsets.UTF_8)).isEqualTo("{\"position\":3}");
    });
  }

  @Test
  void aKeyPastTheRetentionIsNewAgainAndPurged() {
    store.claimAnswered(Attempt.of("itu", "old", "f"), new Answer(200, "application/json", null, bytes("{}")));
    jdbc.update("UPDATE idempotency_key SET createdAt = ?", Timestamp.from(Instant.now().minus(Duration.ofHours(25))));
    store.claim(Attempt.of("itu", "recent", "f"));

    assertThat(store.find("itu", "old")).isEmpty();
    store.forgetExpired("itu", "old");
    store.claim(Attempt.of("itu", "old", "g"));
    jdbc.update("UPDATE idempotency_key SET createdAt = ? WHERE idempotencyKey = 'old'",
        Timestamp.from(Instant.now().minus(Duration.ofHours(25))));
    assertThat(store.purge()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key", Integer.class)).isEqualTo(1);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
