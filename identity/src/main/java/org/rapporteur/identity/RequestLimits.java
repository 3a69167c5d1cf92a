package org.rapporteur.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one request may make the server read.
 *
 * @param maxRequestSize the largest request body accepted (default 1 MB, which Spring counts as 1 MiB); a larger one is refused
 *     with 413 before anything reads it
 */
@ConfigurationProperties("rapporteur.http")
public record RequestLimits(DataSize maxRequestSize) {

  public RequestLimits {
    maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(1) : maxRequestSize;
  }
}
