package org.rapporteur.command.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long {@code Idempotency-Key} answers are kept, and how long a retry waits for the answer of
 * an attempt still running.
 *
 * @param retention how long a key's answer is replayed (default 24 hours); after it the key is new
 * @param answerWait how long a concurrent retry waits for the first attempt's answer before it is
 *     told to ask again (default 10 seconds)
 */
@ConfigurationProperties("rapporteur.idempotency")
public record IdempotencyProperties(Duration retention, Duration answerWait) {

  public IdempotencyProperties {
    retention = retention == null ? Duration.ofHours(24) : retention;
    answerWait = answerWait == null ? Duration.ofSeconds(10) : answerWait;
  }
}
