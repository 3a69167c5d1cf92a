package org.rapporteur.command.idempotency;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code idempotency_key} table. Every statement runs in the caller's transaction when there is
 * one (a command's unit of work), else on its own.
 */
final class IdempotencyStore {

  private final JdbcTemplate jdbc;
  private final Duration retention;

  IdempotencyStore(JdbcTemplate jdbc, Duration retention) {
    this.jdbc = jdbc;
    this.retention = retention;
  }

  /** A key's row within the retention, answered or not. */
  Optional<Stored> find(String user, String key) {
    List<Stored> rows =
        jdbc.query(
            "SELECT fingerprint, attempt, status, contentType, location, body FROM idempotency_key"
                + " WHERE userName = ? AND idempotencyKey = ? AND createdAt >= ?",
            (rs, i) ->
                new Stored(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getObject(3) == null ? null : rs.getInt(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getBytes(6)),
            user,
            key,
            cutoff());
    return rows.stream().findFirst();
  }

  /** Frees a key whose row outlived the retention, so that it is new again. */
  void forgetExpired(String user, String key) {
    jdbc.update(
        "DELETE FROM idempotency_key WHERE userName = ? AND idempotencyKey = ? AND createdAt < ?", user, key, cutoff());
  }

  /** Claims the key for an attempt; fails on the primary key when another attempt has it. */
  void claim(Attempt attempt) {
    jdbc.update(
        "INSERT INTO idempotency_key (userName, idempotencyKey, fingerprint, attempt, createdAt) VALUES (?, ?, ?, ?, ?)",
        attempt.user(), attempt.key(), attempt.fingerprint(), attempt.id(), Timestamp.from(Instant.now()));
  }

  /** Stores the answer of the attempt that claimed the key. */
  void answer(Attempt attempt, Answer answer) {
    jdbc.update(
        "UPDATE idempotency_key SET status = ?, contentType = ?, location = ?, body = ?"
            + " WHERE userName = ? AND idempotencyKey = ? AND attempt = ?",
        answer.status(), answer.contentType(), answer.location(), answer.body(),
        attempt.user(), attempt.key(), attempt.id());
  }

  /** Claims the key and stores the answer at once: an attempt that stored no event. */
  void claimAnswered(Attempt attempt, Answer answer) {
    jdbc.update(
        "INSERT INTO idempotency_key (userName, idempotencyKey, fingerprint, attempt, createdAt, status, contentType,"
            + " location, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        attempt.user(), attempt.key(), attempt.fingerprint(), attempt.id(), Timestamp.from(Instant.now()),
        answer.status(), answer.contentType(), answer.location(), answer.body());
  }

  /** Deletes every row past the retention; answers how many. */
  int purge() {
    return jdbc.update("DELETE FROM idempotency_key WHERE createdAt < ?", cutoff());
  }

  private Timestamp cutoff() {
    return Timestamp.from(Instant.now().minus(retention));
  }

  /** What a client was answered. */
  record Answer(int status, String contentType, String location, byte[] body) {}

  /** A key's row: its request, the attempt that claimed it and, once stored, the answer. */
  record Stored(String fingerprint, String attempt, Integer status, String contentType, String location, byte[] body) {

    boolean answered() {
      return status != null;
    }

    Answer answer() {
      return new Answer(status, contentType, location, body);
    }
  }
}
