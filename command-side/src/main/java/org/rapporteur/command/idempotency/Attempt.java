package org.rapporteur.command.idempotency;

import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;

/**
 * One HTTP attempt of a command under an {@code Idempotency-Key}: who sent it, the key, the
 * request's fingerprint and an id of its own. It travels from the filter to the command's unit of
 * work as the command's metadata, retries of a lost race included.
 */
record Attempt(String user, String key, String fingerprint, String id) {

  private static final String USER = "idempotencyUser";
  private static final String KEY = "idempotencyKey";
  private static final String FINGERPRINT = "idempotencyFingerprint";
  private static final String ID = "idempotencyAttempt";

  /** The attempt the current request thread runs, while the filter runs it. */
  static final ThreadLocal<Attempt> CURRENT = new ThreadLocal<>();

  static Attempt of(String user, String key, String fingerprint) {
    return new Attempt(user, key, fingerprint, UUID.randomUUID().toString());
  }

  Map<String, String> metaData() {
    return Map.of(USER, user, KEY, key, FINGERPRINT, fingerprint, ID, id);
  }

  static Attempt from(MetaData metaData) {
    Object key = metaData.get(KEY);
    if (key == null) {
      return null;
    }
    return new Attempt(
        String.valueOf(metaData.get(USER)), String.valueOf(key), String.valueOf(metaData.get(FINGERPRINT)),
        String.valueOf(metaData.get(ID)));
  }
}
