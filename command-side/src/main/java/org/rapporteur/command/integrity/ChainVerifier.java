package org.rapporteur.command.integrity;

import org.rapporteur.command.eventstore.StoredEvent;
import org.rapporteur.shared.integrity.HashChain;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recomputes a report's hash chain from the event store itself, never from a projection: every
 * stored event's hash from the values its audit entry shows, each link to the event before, and
 * the positions, which must follow each other from 1. An event whose row was edited breaks the
 * chain at its position; a deleted event breaks it at the position it left empty.
 */
public class ChainVerifier {

  private final JdbcTemplate jdbc;

  public ChainVerifier(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * What {@code GET /api/reports/{r}/verification} answers.
   *
   * @param events the number of events the store holds for the report
   * @param headHash the hash the store holds for the report's last event
   * @param firstBrokenPosition null when verified
   * @param chainedByMigrationThrough the last position whose link was computed by the migration that
   *     chained events stored before the chain existed (V1_5), not when it was stored; null if none
   */
  public record Verification(
      String reportId, boolean verified, long events, String headHash, Long firstBrokenPosition,
      Long chainedByMigrationThrough) {}

  /** The report's chain as the store holds it; {@code events} is 0 for a report the store does not hold. */
  public Verification verify(String reportId) {
    Walk walk = new Walk();
    jdbc.query(
        connection -> {
          var statement = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
              + " FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber");
          statement.setString(1, reportId);
          statement.setFetchSize(500);
          return statement;
        },
        row -> {
          walk.next(StoredEvent.read(row, 1));
        });
    return new Verification(reportId, walk.broken == null, walk.events, walk.head, walk.broken, walk.migratedThrough);
  }

  /** The walk along one report's stored events, in position order. */
  private static final class Walk {
    long events;
    String previous = HashChain.GENESIS;
    String head;
    Long broken;
    Long migratedThrough;

    void next(StoredEvent event) {
      events++;
      head = event.storedHash();
      if (broken != null) {
        return;
      }
      long expected = events; // positions are 1-based and follow each other
      if (event.position() != expected) {
        broken = Math.min(expected, event.position()); // the position left empty
        return;
      }
      String recomputed;
      try {
        recomputed = event.recompute(previous);
      } catch (RuntimeException notAnEventAnyMore) {
        broken = event.position();
        return;
      }
      if (!previous.equals(event.storedPreviousHash()) || !recomputed.equals(event.storedHash())) {
        broken = event.position();
        return;
      }
      if (event.chainedBy() != null) {
        migratedThrough = event.position();
      }
      previous = recomputed;
    }
  }
}
