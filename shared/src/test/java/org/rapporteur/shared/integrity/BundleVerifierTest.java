package org.rapporteur.shared.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.json.ReportEventJson;

/** The offline verifier on bundles written here by hand, untouched and tampered with. */
class BundleVerifierTest {

  private static final String CHAIR = "{\"user\":\"chair\",\"role\":\"CHAIR\",\"entity\":null}";
  private static final String ITU = "{\"user\":\"itu\",\"role\":\"DELEGATE\",\"entity\":\"ITU\"}";

  @Test
  void anUntouchedBundleIsVerifiedWithItsApprovalsBoundToTheirText() throws Exception {
    BundleVerifier.Verdict verdict = BundleVerifier.verify(bundle(log(HashChain.sha256("Revised text.")), null));

    assertThat(verdict.verified()).as(verdict.toString()).isTrue();
    assertThat(verdict.events()).isEqualTo(3);
    assertThat(verdict.approvalsChecked()).isEqualTo(1);
    assertThat(verdict.toString()).startsWith("VERIFIED: 3 events");
  }

  @Test
  void anEditedPayloadIsFoundAtItsPosition() throws Exception {
    List<ObjectNode> log = log(HashChain.sha256("Revised text."));
    ((ObjectNode) log.get(1).get("payload")).put("text", "Other text.");

    BundleVerifier.Verdict verdict = BundleVerifier.verify(bundle(log, null));

    assertThat(verdict.verified()).isFalse();
    assertThat(verdict.firstBrokenPosition()).isEqualTo(2);
    assertThat(verdict.reason()).contains("not the hash of its content");
  }

  @Test
  void aDeletedEventIsFoundAtThePositionItLeftEmpty() throws Exception {
    List<ObjectNode> log = log(HashChain.sha256("Revised text."));
    log.remove(1);

    assertThat(BundleVerifier.verify(bundle(log, null)).firstBrokenPosition()).isEqualTo(2);
  }

  @Test
  void anApprovalWhoseTextHashIsNotTheApprovedRevisionsTextIsFound() throws Exception {
    BundleVerifier.Verdict verdict = BundleVerifier.verify(bundle(log(HashChain.sha256("Other text.")), null));

    assertThat(verdict.firstBrokenPosition()).isEqualTo(3);
    assertThat(verdict.reason()).contains("approval's text hash");
  }

  @Test
  void aManifestThatNamesAnotherHeadIsFound() throws Exception {
    BundleVerifier.Verdict verdict = BundleVerifier.verify(bundle(log(HashChain.sha256("Revised text.")), "f".repeat(64)));

    assertThat(verdict.verified()).isFalse();
    assertThat(verdict.firstBrokenPosition()).isEqualTo(4);
  }

  @Test
  void aSignedCheckpointVerifiesWithTheKeyGivenAndWithTheBundlesOwn() throws Exception {
    KeyPair key = CheckpointKeys.generate();
    List<ObjectNode> log = log(HashChain.sha256("Revised text."));

    BundleVerifier.Verdict given = BundleVerifier.verify(signedBundle(log, key, checkpointAt(log, 3, key)), key.getPublic());
    BundleVerifier.Verdict bundled = BundleVerifier.verify(signedBundle(log, key, checkpointAt(log, 3, key)));

    assertThat(given.verified()).as(given.toString()).isTrue();
    assertThat(given.checkpointsVerified()).isEqualTo(1);
    assertThat(given.lastSignedPosition()).isEqualTo(3);
    assertThat(given.keyId()).isEqualTo(CheckpointKeys.fingerprint(key.getPublic()));
    assertThat(bundled.verified()).as(bundled.toString()).isTrue();
    assertThat(bundled.toString()).contains("1 signed checkpoints (the last at position 3");
  }

  @Test
  void aLogRewrittenWithEveryHashRecomputedPassesTheChainButFailsAtTheCheckpoint() throws Exception {
    KeyPair key = CheckpointKeys.generate();
    Checkpoint signed = checkpointAt(log(HashChain.sha256("Revised text.")), 3, key);
    // As whoever administers the database would: edit position 1, recompute every hash after it.
    List<ObjectNode> rewritten = log(HashChain.sha256("Revised text."), "Rewritten first text.");

    BundleVerifier.Verdict chainOnly = BundleVerifier.verify(bundle(rewritten, null));
    BundleVerifier.Verdict anchored = BundleVerifier.verify(signedBundle(rewritten, key, signed), key.getPublic());

    assertThat(chainOnly.verified()).as(chainOnly.toString()).isTrue();
    assertThat(anchored.verified()).isFalse();
    assertThat(anchored.firstBrokenPosition()).isEqualTo(3);
    assertThat(anchored.reason()).contains("signed another head");
  }

  @Test
  void aBundleSignedByAnotherKeyFails() throws Exception {
    KeyPair key = CheckpointKeys.generate();
    KeyPair other = CheckpointKeys.generate();
    List<ObjectNode> log = log(HashChain.sha256("Revised text."));

    BundleVerifier.Verdict verdict = BundleVerifier.verify(signedBundle(log, other, checkpointAt(log, 3, other)), key.getPublic());

    assertThat(verdict.verified()).isFalse();
    assertThat(verdict.firstBrokenPosition()).isEqualTo(3);
    assertThat(verdict.reason()).contains("does not verify with key " + CheckpointKeys.fingerprint(key.getPublic()));
  }

  @Test
  void aStrippedCheckpointAfterASignedOneIsFound() throws Exception {
    KeyPair key = CheckpointKeys.generate();
    List<ObjectNode> log = log(HashChain.sha256("Revised text."));
    log.add(chained(entry(4, "ParagraphApproved", CHAIR, "{\"reportId\":\"r\",\"paragraphId\":\"p-1\",\"revision\":2,"
        + "\"textHash\":\"" + HashChain.sha256("Revised text.") + "\",\"actor\":" + CHAIR + "}"), log.get(2).get("hash").asText()));

    BundleVerifier.Verdict verdict = BundleVerifier.verify(signedBundle(log, key, checkpointAt(log, 3, key)), key.getPublic());

    assertThat(verdict.firstBrokenPosition()).isEqualTo(4);
    assertThat(verdict.reason()).contains("no signed checkpoint");
  }

  @Test
  void anAdoptionInSessionIsCheckedAgainstTheOrallyAmendedTextAndACorrectionAgainstItsOwn() throws Exception {
    List<ObjectNode> log = session(HashChain.sha256("Amended text."), HashChain.sha256("Corrected text."));

    BundleVerifier.Verdict verdict = BundleVerifier.verify(bundle(log, null));

    assertThat(verdict.verified()).as(verdict.toString()).isTrue();
    assertThat(verdict.approvalsChecked()).as("approval, amendment, adoption in session, corrigendum").isEqualTo(4);
  }

  @Test
  void anAdoptionInSessionThatNamesTheTextBeforeTheAmendmentIsFound() throws Exception {
    List<ObjectNode> log = session(HashChain.sha256("Revised text."), HashChain.sha256("Corrected text."));

    BundleVerifier.Verdict verdict = BundleVerifier.verify(bundle(log, null));

    assertThat(verdict.firstBrokenPosition()).isEqualTo(5);
  }

  @Test
  void aCorrectionWhoseHashIsNotItsTextsIsFound() throws Exception {
    List<ObjectNode> log = session(HashChain.sha256("Amended text."), HashChain.sha256("Other text."));

    BundleVerifier.Verdict verdict = BundleVerifier.verify(bundle(log, null));

    assertThat(verdict.firstBrokenPosition()).isEqualTo(6);
    assertThat(verdict.reason()).contains("corrigendum's text hash");
  }

  /** {@link #log}, then an accepted oral amendment, an adoption in session and a corrigendum. */
  private static List<ObjectNode> session(String adoptedTextHash, String correctedTextHash) throws Exception {
    List<ObjectNode> log = log(HashChain.sha256("Revised text."));
    log.add(entry(4, "OralAmendmentAccepted", CHAIR, "{\"reportId\":\"r\",\"paragraphId\":\"p-1\",\"baseRevision\":2,"
        + "\"revision\":3,\"text\":\"Amended text.\",\"textHash\":\"" + HashChain.sha256("Amended text.")
        + "\",\"actor\":" + CHAIR + "}"));
    log.add(entry(5, "ParagraphAdoptedInSession", CHAIR, "{\"reportId\":\"r\",\"paragraphId\":\"p-1\",\"revision\":3,"
        + "\"textHash\":\"" + adoptedTextHash + "\",\"actor\":" + CHAIR + "}"));
    log.add(entry(6, "CorrigendumIssued", CHAIR, "{\"reportId\":\"r\",\"number\":1,\"corrections\":[{\"paragraphId\":"
        + "\"p-1\",\"baseRevision\":3,\"revision\":4,\"text\":\"Corrected text.\",\"textHash\":\"" + correctedTextHash
        + "\"}],\"actor\":" + CHAIR + "}"));
    String previous = log.get(2).get("hash").asText();
    for (ObjectNode entry : log.subList(3, log.size())) {
      entry.put("previousHash", previous);
      previous = HashChain.sha256(CanonicalJson.canonicalize(entry));
      entry.put("hash", previous);
    }
    return log;
  }

  private static Checkpoint checkpointAt(List<ObjectNode> log, int position, KeyPair key) {
    return Checkpoint.sign("r", position, log.get(position - 1).get("hash").asText(), key.getPrivate(),
        CheckpointKeys.fingerprint(key.getPublic()));
  }

  private static ByteArrayInputStream signedBundle(List<ObjectNode> log, KeyPair key, Checkpoint checkpoint) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      zip.putNextEntry(new ZipEntry(BundleVerifier.CHECKPOINTS));
      zip.write((ReportEventJson.mapper().writeValueAsString(checkpoint) + "\n").getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry(BundleVerifier.CHECKPOINT_KEY));
      zip.write(CheckpointKeys.toPem(key.getPublic()).getBytes(StandardCharsets.US_ASCII));
      for (ZipInputStream plain = new ZipInputStream(bundle(log, null)); ; ) {
        ZipEntry entry = plain.getNextEntry();
        if (entry == null) {
          break;
        }
        zip.putNextEntry(new ZipEntry(entry.getName()));
        zip.write(plain.readAllBytes());
      }
    }
    return new ByteArrayInputStream(bytes.toByteArray());
  }

  private static ObjectNode chained(ObjectNode entry, String previous) {
    entry.put("previousHash", previous);
    entry.put("hash", HashChain.sha256(CanonicalJson.canonicalize(entry)));
    return entry;
  }

  private static List<ObjectNode> log(String approvedTextHash) throws Exception {
    return log(approvedTextHash, "First text.");
  }

  /** Drafted, revised, approved: chained as the command side chains them. */
  private static List<ObjectNode> log(String approvedTextHash, String firstText) throws Exception {
    List<ObjectNode> log = new ArrayList<>();
    log.add(entry(1, "ParagraphDrafted", ITU,
        "{\"reportId\":\"r\",\"paragraphId\":\"p-1\",\"text\":\"" + firstText + "\",\"revision\":1,\"actor\":" + ITU + "}"));
    log.add(entry(2, "ParagraphRevised", ITU,
        "{\"reportId\":\"r\",\"paragraphId\":\"p-1\",\"baseRevision\":1,\"revision\":2,\"text\":\"Revised text.\",\"actor\":"
            + ITU + "}"));
    log.add(entry(3, "ParagraphApproved", CHAIR, "{\"reportId\":\"r\",\"paragraphId\":\"p-1\",\"revision\":2,\"textHash\":\""
        + approvedTextHash + "\",\"actor\":" + CHAIR + "}"));
    String previous = HashChain.GENESIS;
    for (ObjectNode entry : log) {
      entry.put("previousHash", previous);
      ObjectNode hashed = entry.deepCopy();
      hashed.remove("hash");
      previous = HashChain.sha256(CanonicalJson.canonicalize(hashed));
      entry.put("hash", previous);
    }
    return log;
  }

  private static ObjectNode entry(long position, String type, String actor, String payload) throws Exception {
    ObjectNode entry = ReportEventJson.mapper().createObjectNode();
    entry.put("position", position);
    entry.put("eventId", "e-" + position);
    entry.put("type", type);
    entry.put("timestamp", "2026-12-01T10:00:0" + position + "Z");
    entry.set("actor", ReportEventJson.mapper().readTree(actor));
    entry.set("payload", ReportEventJson.mapper().readTree(payload));
    return entry;
  }

  private static ByteArrayInputStream bundle(List<ObjectNode> log, String manifestHead) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      zip.putNextEntry(new ZipEntry(BundleVerifier.EVENTS));
      for (ObjectNode entry : log) {
        zip.write((ReportEventJson.mapper().writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      zip.closeEntry();
      ObjectNode manifest = ReportEventJson.mapper().createObjectNode();
      manifest.put("events", log.size());
      manifest.put("headHash", manifestHead != null ? manifestHead : log.get(log.size() - 1).get("hash").asText());
      zip.putNextEntry(new ZipEntry(BundleVerifier.MANIFEST));
      zip.write(ReportEventJson.mapper().writeValueAsBytes(manifest));
      zip.closeEntry();
    }
    return new ByteArrayInputStream(bytes.toByteArray());
  }
}
