package org.rapporteur.command.integrity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.rapporteur.command.eventstore.StoredEvent;
import org.rapporteur.shared.integrity.BundleVerifier;
import org.rapporteur.shared.integrity.Checkpoint;
import org.rapporteur.shared.integrity.CheckpointKeys;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.ReportEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auditor's evidence for one report, read from the event store: a ZIP holding
 * {@value BundleVerifier#EVENTS} (every event as its audit entry shows it, with its link, one JSON
 * object a line), each paragraph's "why" timeline ({@code why/<paragraphId>.json}),
 * {@value BundleVerifier#MANIFEST} (the head hash, the verification, the tool),
 * {@value BundleVerifier#CHECKPOINTS} (the signed checkpoints, ADR 0010) and
 * {@value BundleVerifier#CHECKPOINT_KEY} (the public key that checks them). {@link BundleVerifier}
 * checks it offline.
 */
public class EvidenceBundle {

  private final JdbcTemplate jdbc;
  private final ChainVerifier verifier;
  private final Clock clock;
  private final PublicKey checkpointKey;

  public EvidenceBundle(JdbcTemplate jdbc, ChainVerifier verifier, Clock clock, PublicKey checkpointKey) {
    this.jdbc = jdbc;
    this.verifier = verifier;
    this.clock = clock;
    this.checkpointKey = checkpointKey;
  }

  /** Writes the report's bundle; the stream is left open. */
  public void write(String reportId, OutputStream out) {
    try {
      ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
      List<Checkpoint> checkpoints = new ArrayList<>();
      WhyTimelines why = new WhyTimelines();
      zip.putNextEntry(new ZipEntry(BundleVerifier.EVENTS));
      jdbc.query(
          connection -> {
            var statement = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                + " FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber");
            statement.setString(1, reportId);
            statement.setFetchSize(500);
            return statement;
          },
          row -> {
            try {
              StoredEvent stored = StoredEvent.read(row, 1);
              if (stored.checkpoint(reportId) != null) {
                checkpoints.add(stored.checkpoint(reportId));
              }
              zip.write(ReportEventJson.mapper().writeValueAsBytes(entry(stored)));
              zip.write('\n');
              why.add(stored);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(BundleVerifier.CHECKPOINTS));
      for (Checkpoint checkpoint : checkpoints) {
        zip.write(ReportEventJson.mapper().writeValueAsBytes(checkpoint));
        zip.write('\n');
      }
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(BundleVerifier.CHECKPOINT_KEY));
      zip.write(CheckpointKeys.toPem(checkpointKey).getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
      why.write(reportId, zip);
      ChainVerifier.Verification verification = verifier.verify(reportId);
      ObjectNode manifest = ReportEventJson.mapper().valueToTree(verification);
      manifest.put("generatedAt", clock.instant().toString());
      manifest.put("tool", "Rapporteur " + version());
      manifest.put("hashChain", "API.md 1.1: hash = SHA-256 of the RFC 8785 canonical JSON of"
          + " {previousHash, position, eventId, type, timestamp, actor, payload}; 64 zeros before position 1");
      zip.putNextEntry(new ZipEntry(BundleVerifier.MANIFEST));
      zip.write(ReportEventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
      zip.closeEntry();
      zip.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the evidence of report " + reportId, e);
    }
  }

  /** The event as its audit entry shows it: the stored payload, the stored instant, its link. */
  private static ObjectNode entry(StoredEvent stored) {
    ObjectNode entry = ReportEventJson.mapper().createObjectNode();
    entry.put("position", stored.position());
    entry.put("eventId", stored.eventId());
    String type = stored.payloadType().substring(stored.payloadType().lastIndexOf('.') + 1);
    entry.put("type", type);
    entry.put("timestamp", stored.timestamp().toString());
    try {
      ReportEvent event = ReportEventJson.fromBytes(type, stored.payload());
      Actor actor = event.actor();
      ObjectNode who = entry.putObject("actor");
      who.put("user", actor.user());
      who.put("role", actor.role().name());
      who.put("entity", actor.entity());
      entry.set("payload", ReportEventJson.mapper().readTree(stored.payload()));
    } catch (IOException | RuntimeException unreadable) {
      // Kept as stored: the verifier reports the chain broken here, which is the evidence.
      entry.put("payload", new String(stored.payload(), StandardCharsets.UTF_8));
    }
    entry.put("previousHash", stored.storedPreviousHash());
    entry.put("hash", stored.storedHash());
    return entry;
  }

  private static String version() {
    String version = EvidenceBundle.class.getPackage().getImplementationVersion();
    return version == null ? "(development build)" : version;
  }
}
