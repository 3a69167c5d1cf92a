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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.rapporteur.shared.json.ReportEventJson;

/**
 * Checks an auditor's evidence bundle offline, with nothing but the bundle: recomputes the hash
 * chain of {@value #EVENTS} from the entries' own values (API.md 1.1), checks that every approval's
 * text hash is the SHA-256 of the text of the revision it approved, as the log drafted or revised
 * it, and that {@value #MANIFEST} names the head the log ends at. Renders nothing.
 *
 * <p>Run: {@code java -cp <shared classes and Jackson> org.rapporteur.shared.integrity.BundleVerifier
 * evidence.zip} (README, "Verifying the record"); it prints the verdict and exits 0 when verified, 1
 * when not.
 */
public final class BundleVerifier {

  /** The event log in the bundle: one audit entry, with its link, per line. */
  public static final String EVENTS = "events.jsonl";
  /** The bundle's manifest: the head hash, the verification, the tool that wrote it. */
  public static final String MANIFEST = "manifest.json";

  private static final List<String> HASHED =
      List.of("previousHash", "position", "eventId", "type", "timestamp", "actor", "payload");

  private BundleVerifier() {}

  /**
   * @param firstBrokenPosition null when verified; the position past the last event when only the
   *     manifest disagrees with the log
   * @param approvalsChecked approvals whose text hash was checked against the log
   */
  public record Verdict(
      boolean verified, long events, String headHash, Long firstBrokenPosition, String reason, int approvalsChecked) {

    @Override
    public String toString() {
      return verified
          ? "VERIFIED: " + events + " events, head hash " + headHash + ", " + approvalsChecked
              + " approvals bound to the text they approved"
          : "NOT VERIFIED: broken at position " + firstBrokenPosition + ": " + reason;
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: BundleVerifier <evidence.zip>");
      System.exit(2);
    }
    Verdict verdict;
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      verdict = verify(in);
    }
    System.out.println(verdict);
    System.exit(verdict.verified() ? 0 : 1);
  }

  /** The verdict on a bundle read from the stream. */
  public static Verdict verify(InputStream bundle) throws IOException {
    byte[] events = null;
    byte[] manifest = null;
    ZipInputStream zip = new ZipInputStream(bundle, StandardCharsets.UTF_8);
    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
      if (EVENTS.equals(entry.getName())) {
        events = zip.readAllBytes();
      } else if (MANIFEST.equals(entry.getName())) {
        manifest = zip.readAllBytes();
      }
    }
    if (events == null || manifest == null) {
      return new Verdict(false, 0, null, 1L, "the bundle lacks " + (events == null ? EVENTS : MANIFEST), 0);
    }
    return verify(events, ReportEventJson.mapper().readTree(manifest));
  }

  private static Verdict verify(byte[] log, JsonNode manifest) throws IOException {
    String previous = HashChain.GENESIS;
    long position = 0;
    int approvals = 0;
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
        String paragraph = payload.path("paragraphId").asText();
        switch (entry.path("type").asText()) {
          case "ParagraphDrafted", "ParagraphRevised" -> texts.computeIfAbsent(paragraph, p -> new HashMap<>())
              .put(payload.path("revision").asInt(), payload.path("text").asText());
          case "ParagraphApproved" -> {
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
    return new Verdict(true, position, head, null, null, approvals);
  }

  private static Verdict broken(long position, String reason, int approvals) {
    return new Verdict(false, position - 1, null, position, reason, approvals);
  }
}
