package org.rapporteur.command.integrity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The record's integrity on the command side: the chain's verifier and who sees its answers. */
@Configuration(proxyBeanMethods = false)
class IntegrityConfiguration {

  @Bean
  ChainVerifier chainVerifier(JdbcTemplate jdbc) {
    return new ChainVerifier(jdbc);
  }

  /** Every role sees every report that exists (API.md 1); a report's membership narrows it. */
  @Bean
  @ConditionalOnMissingBean
  ReportVisibility reportVisibility(JdbcTemplate jdbc) {
    return (actor, reportId) -> Boolean.TRUE.equals(jdbc.queryForObject(
        "SELECT COUNT(*) > 0 FROM DomainEventEntry WHERE aggregateIdentifier = ?", Boolean.class, reportId));
  }
}
