package org.rapporteur.shared.integrity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Set;

/**
 * A signed checkpoint of a report's hash chain (ADR 0010): the head hash at {@code position},
 * signed with a key held outside the database when an act fixed text. Whoever rewrites an event
 * and recomputes every hash after it cannot sign the new head, so the checkpoint no longer
 * verifies at its position.
 *
 * <p>What is signed: the UTF-8 bytes of the RFC 8785 canonical JSON of
 * {@code {reportId, position, headHash, keyId}}; the signature is Ed25519, in standard base64. The
 * key id is the public key's {@link CheckpointKeys#fingerprint fingerprint}.
 */
public record Checkpoint(String reportId, long position, String headHash, String keyId, String signature) {

  /** The event types whose storing is signed: the acts that fix text. */
  public static final Set<String> SIGNED_TYPES = Set.of(
      "ParagraphApproved",
      "ReportAdopted",
      "OralAmendmentAccepted",
      "ParagraphAdoptedInSession",
      "ReportAdoptedAdReferendum",
      "ReportAdoptionConfirmed",
      "CorrigendumIssued");

  /** Signs the head at {@code position} with {@code key}, whose public key's fingerprint is {@code keyId}. */
  public static Checkpoint sign(String reportId, long position, String headHash, PrivateKey key, String keyId) {
    try {
      Signature signer = Signature.getInstance(CheckpointKeys.ALGORITHM);
      signer.initSign(key);
      signer.update(content(reportId, position, headHash, keyId));
      return new Checkpoint(reportId, position, headHash, keyId, Base64.getEncoder().encodeToString(signer.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the checkpoint of report " + reportId + " at " + position, e);
    }
  }

  /** Whether this checkpoint was signed by {@code key}: its key id is the key's and the signature holds. */
  public boolean verifies(PublicKey key) {
    if (keyId == null || signature == null || headHash == null || !keyId.equals(CheckpointKeys.fingerprint(key))) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(CheckpointKeys.ALGORITHM);
      verifier.initVerify(key);
      verifier.update(content(reportId, position, headHash, keyId));
      return verifier.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException notASignature) {
      return false;
    }
  }

  private static byte[] content(String reportId, long position, String headHash, String keyId) {
    ObjectNode signed = JsonNodeFactory.instance.objectNode();
    signed.put("reportId", reportId);
    signed.put("position", position);
    signed.put("headHash", headHash);
    signed.put("keyId", keyId);
    return CanonicalJson.canonicalize(signed).getBytes(StandardCharsets.UTF_8);
  }
}
