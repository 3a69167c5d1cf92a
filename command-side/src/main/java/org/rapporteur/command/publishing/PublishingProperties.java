package org.rapporteur.command.publishing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the publisher guards against skipping an event (ADR 0006).
 *
 * @param gapTimeout how long the publisher's tracking token keeps a hole in the store's global
 *     index open for a transaction that commits after later ones
 * @param reconcileInterval how often each report's stored and published positions are compared;
 *     a report behind for two comparisons in a row without progress is republished
 */
@ConfigurationProperties("rapporteur.publishing")
public record PublishingProperties(Duration gapTimeout, Duration reconcileInterval) {

  public PublishingProperties {
    gapTimeout = gapTimeout == null ? Duration.ofMinutes(10) : gapTimeout;
    reconcileInterval = reconcileInterval == null ? Duration.ofSeconds(10) : reconcileInterval;
  }
}
