package org.rapporteur.shared.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.shared.report.Actor;

/**
 * Each report's events form a hash chain (API.md 1.1, "The record's integrity"): an event's
 * {@code hash} is the SHA-256 of the UTF-8 bytes of the RFC 8785 canonical JSON of
 * {@code {previousHash, position, eventId, type, timestamp, actor, payload}}, with exactly the
 * values its audit entry shows, and {@code previousHash} is the hash of the event before (64 zeros
 * at position 1). The command side computes it when it stores an event; the query side and anyone
 * holding the audit trail compute it again.
 */
public final class HashChain {

  /** The previous hash of a report's first event. */
  public static final String GENESIS = "0".repeat(64);

  private HashChain() {}

  /**
   * The hash of one audit entry.
   *
   * @param timestamp written as the audit trail writes it: ISO-8601, as {@link Instant#toString()}
   * @param payload the event's JSON, as the audit trail's {@code payload} (and Kafka's value) holds it
   */
  public static String hash(
      String previousHash, long position, String eventId, String type, Instant timestamp, Actor actor, JsonNode payload) {
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    entry.put("previousHash", previousHash);
    entry.put("position", position);
    entry.put("eventId", eventId);
    entry.put("type", type);
    entry.put("timestamp", timestamp.toString());
    ObjectNode who = entry.putObject("actor");
    who.put("user", actor.user());
    who.put("role", actor.role().name());
    who.put("entity", actor.entity()); // null is shown as null, so it is hashed as null
    entry.set("payload", payload);
    return sha256(CanonicalJson.canonicalize(entry));
  }

  /** {@link #hash(String, long, String, String, Instant, Actor, JsonNode)} of a payload given as JSON text. */
  public static String hash(
      String previousHash, long position, String eventId, String type, Instant timestamp, Actor actor, String payload) {
    try {
      return hash(previousHash, position, eventId, type, timestamp, actor, ReportEventJson.mapper().readTree(payload));
    } catch (IOException e) {
      throw new UncheckedIOException("the payload of event " + eventId + " is not JSON", e);
    }
  }

  /** Lower-case hex SHA-256 of a text's UTF-8 bytes: what approvals record of the text they fix. */
  public static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
