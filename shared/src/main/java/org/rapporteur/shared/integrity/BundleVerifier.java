package org.rapporteur.shared.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.rapporteur.shared.json.ReportEventJson;

/**
 * Checks an auditor's evidence bundle offline, with nothing but the bundle: recomputes the hash
 * chain of {@value #EVENTS} from the entries' own values (API.md 1.1), checks that every approval's
 * text hash is the SHA-256 of the text of the revision it approved, as the log drafted or revised
 * it, and that {@value #MANIFEST} names the head the log ends at. Then the signed checkpoints of
 * {@value #CHECKPOINTS} (ADR 0010): each must name the hash the log holds at its position and be
 * signed by the public key given, or else the bundle's {@value #CHECKPOINT_KEY}, whose fingerprint the
 * auditor compares with the one published apart from the product; every act that fixed text after
 * the first signed one must have its checkpoint. Renders nothing.
 *
 * <p>Run: {@code java -cp <shared classes and Jackson> org.rapporteur.shared.integrity.BundleVerifier
 * evidence.zip [public-key.pem]} (README, "Verifying the record"); it prints the verdict and exits 0
 * when verified, 1 when not.
 */
public final class BundleVerifier {

  /** The event log in the bundle: one audit entry, with its link, per line. */
  public static final String EVENTS = "events.jsonl";
  /** The bundle's manifest: the head hash, the verification, the tool that wrote it. */
  public static final String MANIFEST = "manifest.json";
  /** The bundle's signed checkpoints, one {@link Checkpoint} a line, in position order. */
  public static final String CHECKPOINTS = "checkpoints.jsonl";
  /** The public key that signed the checkpoints, as PEM. */
  public static final String CHECKPOINT_KEY = "checkpoint-key.pem";

  private static final List<String> HASHED =
      List.of("previousHash", "position", "eventId", "type", "timestamp", "actor", "payload");

  private BundleVerifier() {}

  /**
   * @param firstBrokenPosition null when verified; the position past the last event when only the
   *     manifest disagrees with the log
   * @param approvalsChecked approvals whose text hash was checked against the log
   * @param checkpointsVerified signed checkpoints that name the log's hash at their position
   * @param lastSignedPosition the position of the last of them, null if none
   * @param keyId the fingerprint of the key they were checked with, null if the bundle holds no checkpoint
   */
  public record Verdict(
      boolean verified, long events, String headHash, Long firstBrokenPosition, String reason, int approvalsChecked,
      int checkpointsVerified, Long lastSignedPosition, String keyId) {

    @Override
    public String toString() {
      return verified
          ? "VERIFIED: " + events + " events, head hash " + headHash + ", " + approvalsChecked
              + " approvals bound to the text they approved, " + checkpointsVerified + " signed checkpoints"
              + (lastSignedPosition == null ? "" : " (the last at position " + lastSignedPosition + ", key " + keyId + ")")
          : "NOT VERIFIED: broken at position " + firstBrokenPosition + ": " + reason;
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1 && args.length != 2) {
      System.err.println("usage: BundleVerifier <evidence.zip> [checkpoint public key .pem]");
      System.exit(2);
    }
    PublicKey key = args.length == 2 ? CheckpointKeys.publicKeyFromPem(Files.readString(Path.of(args[1]))) : null;
    Verdict verdict;
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      verdict = verify(in, key);
    }
    System.out.println(verdict);
    if (key == null && verdict.keyId() != null) {
      System.out.println("The checkpoints were checked with the key the bundle holds, " + verdict.keyId()
          + ": compare this fingerprint with the one published apart from the product, or give that key.");
    }
    System.exit(verdict.verified() ? 0 : 1);
  }

  /** The verdict on a bundle read from the stream, its checkpoints checked with the key the bundle holds. */
  public static Verdict verify(InputStream bundle) throws IOException {
    return verify(bundle, null);
  }

  /**
   * The verdict on a bundle read from the stream.
   *
   * @param key the key the checkpoints must be signed with; null to take the bundle's
   */
  public static Verdict verify(InputStream bundle, PublicKey key) throws IOException {
    byte[] events = null;
    byte[] manifest = null;
    byte[] checkpoints = null;
    PublicKey bundled = null;
    ZipInputStream zip = new ZipInputStream(bundle, StandardCharsets.UTF_8);
    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
      if (EVENTS.equals(entry.getName())) {
        events = zip.readAllBytes();
      } else if (MANIFEST.equals(entry.getName())) {
        manifest = zip.readAllBytes();
      } else if (CHECKPOINTS.equals(entry.getName())) {
        checkpoints = zip.readAllBytes();
      } else if (CHECKPOINT_KEY.equals(entry.getName())) {
        try {
          bundled = CheckpointKeys.publicKeyFromPem(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notAKey) {
          bundled = null; // then the checkpoints, if any, are reported unverifiable
        }
      }
    }
    if (events == null || manifest == null) {
      return new Verdict(false, 0, null, 1L, "the bundle lacks " + (events == null ? EVENTS : MANIFEST), 0, 0, null, null);
    }
    return verify(events, ReportEventJson.mapper().readTree(manifest), checkpoints, key != null ? key : bundled);
  }

  private static Verdict verify(byte[] log, JsonNode manifest, byte[] checkpointLines, PublicKey key) throws IOException {
    String previous = HashChain.GENESIS;
    long position = 0;
    int approvals = 0;
    List<String> hashes = new ArrayList<>();
    List<String> types = new ArrayList<>();
    String reportId = null;
    Map<String, Map<Integer, String>> texts = new HashMap<>();
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(new ByteArrayInputStream(log), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        position++;
        JsonNode entry;
        try {
          entry = ReportEventJson.mapper().readTree(line);
        } catch (IOException e) {
          return broken(position, "the line is not JSON", approvals);
        }
        if (entry.path("position").asLong() != position) {
          return broken(position, "the log holds position " + entry.path("position").asText() + " here", approvals);
        }
        if (!previous.equals(entry.path("previousHash").asText(null))) {
          return broken(position, "its previous hash is not the hash of the event before", approvals);
        }
        ObjectNode hashed = ReportEventJson.mapper().createObjectNode();
        HASHED.forEach(field -> hashed.set(field, entry.get(field)));
        String hash;
        try {
          hash = HashChain.sha256(CanonicalJson.canonicalize(hashed));
        } catch (RuntimeException e) {
          return broken(position, "the entry cannot be canonicalized: " + e.getMessage(), approvals);
        }
        if (!hash.equals(entry.path("hash").asText(null))) {
          return broken(position, "its hash is not the hash of its content", approvals);
        }
        JsonNode payload = entry.path("payload");
        hashes.add(hash);
        types.add(entry.path("type").asText());
        reportId = reportId == null ? payload.path("reportId").asText(null) : reportId;
        String paragraph = payload.path("paragraphId").asText();
        switch (entry.path("type").asText()) {
          case "ParagraphDrafted", "ParagraphRevised" -> texts.computeIfAbsent(paragraph, p -> new HashMap<>())
              .put(payload.path("revision").asInt(), payload.path("text").asText());
          case "OralAmendmentAccepted" -> {
            String text = payload.path("text").asText();
            texts.computeIfAbsent(paragraph, p -> new HashMap<>()).put(payload.path("revision").asInt(), text);
            if (!HashChain.sha256(text).equals(payload.path("textHash").asText())) {
              return broken(position, "the oral amendment's text hash is not the hash of its text", approvals);
            }
            approvals++;
          }
          case "CorrigendumIssued" -> {
            for (JsonNode correction : payload.path("corrections")) {
              String text = correction.path("text").asText();
              texts.computeIfAbsent(correction.path("paragraphId").asText(), p -> new HashMap<>())
                  .put(correction.path("revision").asInt(), text);
              if (!HashChain.sha256(text).equals(correction.path("textHash").asText())) {
                return broken(position, "the corrigendum's text hash is not the hash of the corrected text of paragraph "
                    + correction.path("paragraphId").asText(), approvals);
              }
            }
            approvals++;
          }
          case "ParagraphApproved", "ParagraphAdoptedInSession" -> {
            if (payload.hasNonNull("textHash")) {
              String text = texts.getOrDefault(paragraph, Map.of()).get(payload.path("revision").asInt());
              if (text == null || !HashChain.sha256(text).equals(payload.get("textHash").asText())) {
                return broken(position, "the approval's text hash is not the hash of the text of revision "
                    + payload.path("revision").asInt() + " of paragraph " + paragraph, approvals);
              }
              approvals++;
            }
          }
          default -> { }
        }
        previous = hash;
      }
    }
    String head = position == 0 ? null : previous;
    if (manifest.path("events").asLong() != position || !Objects.equals(head, manifest.path("headHash").asText(null))) {
      return broken(position + 1, "the manifest names another head than the log ends at", approvals);
    }
    Map<Long, Checkpoint> checkpoints = new TreeMap<>();
    if (checkpointLines != null) {
      for (String line : new String(checkpointLines, StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          Checkpoint checkpoint = ReportEventJson.mapper().readValue(line, Checkpoint.class);
          checkpoints.put(checkpoint.position(), checkpoint);
        }
      }
    }
    int signed = 0;
    Long lastSigned = null;
    String keyId = key == null ? null : CheckpointKeys.fingerprint(key);
    for (Checkpoint checkpoint : checkpoints.values()) {
      long at = checkpoint.position();
      if (at < 1 || at > position) {
        return broken(at, "a checkpoint names a position the log does not hold", approvals);
      }
      if (key == null) {
        return broken(at, "the bundle holds signed checkpoints but no public key to check them with", approvals);
      }
      if (!Objects.equals(reportId, checkpoint.reportId()) || !hashes.get((int) at - 1).equals(checkpoint.headHash())) {
        return broken(at, "the checkpoint signed another head than the log holds here", approvals);
      }
      if (!checkpoint.verifies(key)) {
        return broken(at, "the checkpoint's signature does not verify with key " + keyId
            + ": the log was rewritten after it was signed, or signed by another key", approvals);
      }
      signed++;
      lastSigned = at;
    }
    if (lastSigned != null) {
      long first = checkpoints.keySet().iterator().next();
      for (long at = first; at <= position; at++) {
        if (Checkpoint.SIGNED_TYPES.contains(types.get((int) at - 1)) && !checkpoints.containsKey(at)) {
          return broken(at, "the act that fixed text here has no signed checkpoint, though earlier acts have", approvals);
        }
      }
    }
    return new Verdict(true, position, head, null, null, approvals, signed, lastSigned, lastSigned == null ? null : keyId);
  }

  private static Verdict broken(long position, String reason, int approvals) {
    return new Verdict(false, position - 1, null, position, reason, approvals, 0, null, null);
  }
}
