package org.rapporteur.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which browser pages may change things through the API besides its own origin.
 *
 * @param allowedOrigins origins ({@code https://app.example.org}) whose pages may send commands;
 *     empty by default: only pages served from the API's own origin may
 */
@ConfigurationProperties("rapporteur.http")
public record BrowserPolicy(List<String> allowedOrigins) {

  public BrowserPolicy {
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
  }
}
