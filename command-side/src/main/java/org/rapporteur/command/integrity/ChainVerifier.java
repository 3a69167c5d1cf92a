package org.rapporteur.command.integrity;

import java.security.PublicKey;
import org.rapporteur.command.eventstore.StoredEvent;
import org.rapporteur.shared.integrity.Checkpoint;
import org.rapporteur.shared.integrity.CheckpointKeys;
import org.rapporteur.shared.integrity.HashChain;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recomputes a report's hash chain from the event store itself, never from a projection: every
 * stored event's hash from the values its audit entry shows, each link to the event before, and
 * the positions, which must follow each other from 1. An event whose row was edited breaks the
 * chain at its position; a deleted event breaks it at the position it left empty.
 *
 * <p>It also checks the signed checkpoints the acts that fixed text carry (ADR 0010) with the
 * signing key's public key: whoever rewrote an event and every hash after it leaves the chain
 * whole, but the first checkpoint after the edit no longer verifies.
 */
public class ChainVerifier {

  private final JdbcTemplate jdbc;
  private final PublicKey checkpointKey;

  public ChainVerifier(JdbcTemplate jdbc, PublicKey checkpointKey) {
    this.jdbc = jdbc;
    this.checkpointKey = checkpointKey;
  }

  /**
   * What {@code GET /api/reports/{r}/verification} answers.
   *
   * @param events the number of events the store holds for the report
   * @param headHash the hash the store holds for the report's last event
   * @param firstBrokenPosition null when verified
   * @param chainedByMigrationThrough the last position whose link was computed by the migration that
   *     chained events stored before the chain existed (V1_5), not when it was stored; null if none
   * @param checkpointsVerified whether every signed checkpoint verified and every act that fixed
   *     text after the first signed one carries one; {@code verified} says the same of the chain alone
   * @param checkpoints the signed checkpoints that verified
   * @param lastSignedPosition the position of the last of them; null if none
   * @param firstFailedCheckpointPosition the first position whose checkpoint does not verify or is
   *     missing; null when {@code checkpointsVerified}
   * @param checkpointKeyId the fingerprint of the key the checkpoints were checked with
   */
  public record Verification(
      String reportId, boolean verified, long events, String headHash, Long firstBrokenPosition,
      Long chainedByMigrationThrough, boolean checkpointsVerified, long checkpoints, Long lastSignedPosition,
      Long firstFailedCheckpointPosition, String checkpointKeyId) {}

  /** The report's chain as the store holds it; {@code events} is 0 for a report the store does not hold. */
  public Verification verify(String reportId) {
    Walk walk = new Walk(reportId);
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
    return new Verification(reportId, walk.broken == null, walk.events, walk.head, walk.broken, walk.migratedThrough,
        walk.failedCheckpoint == null, walk.checkpoints, walk.lastSigned, walk.failedCheckpoint,
        CheckpointKeys.fingerprint(checkpointKey));
  }

  /** The walk along one report's stored events, in position order. */
  private final class Walk {
    final String reportId;
    long events;
    long checkpoints;
    Long lastSigned;
    Long failedCheckpoint;
    String previous = HashChain.GENESIS;
    String head;
    Long broken;
    Long migratedThrough;

    Walk(String reportId) {
      this.reportId = reportId;
    }

    void next(StoredEvent event) {
      events++;
      head = event.storedHash();
      checkpoint(event);
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

    /** Checks the event's checkpoint against its stored hash, whether the chain holds there or not. */
    private void checkpoint(StoredEvent event) {
      if (failedCheckpoint != null) {
        return;
      }
      Checkpoint checkpoint = event.checkpoint(reportId);
      if (checkpoint == null) {
        // Acts stored before checkpoints were signed carry none; after the first signed one, each must.
        if (lastSigned != null && Checkpoint.SIGNED_TYPES.contains(typeOf(event))) {
          failedCheckpoint = event.position();
        }
        return;
      }
      if (checkpoint.verifies(checkpointKey)) {
        checkpoints++;
        lastSigned = event.position();
      } else {
        failedCheckpoint = event.position();
      }
    }

    private static String typeOf(StoredEvent event) {
      return event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1);
    }
  }
}
