package org.rapporteur.command.integrity;

import java.time.Clock;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.rapporteur.command.eventstore.CheckpointSigner;
import org.rapporteur.command.eventstore.StoredEvent;
import org.rapporteur.command.report.ChainHead;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The record's integrity on the command side: the chain's verifier, its head for adoptions, who sees the answers. */
@Configuration(proxyBeanMethods = false)
class IntegrityConfiguration {

  @Bean
  ChainVerifier chainVerifier(JdbcTemplate jdbc, CheckpointSigner signer) {
    return new ChainVerifier(jdbc, signer.publicKey());
  }

  @Bean
  EvidenceBundle evidenceBundle(JdbcTemplate jdbc, ChainVerifier verifier, CheckpointSigner signer) {
    return new EvidenceBundle(jdbc, verifier, Clock.systemUTC(), signer.publicKey());
  }

  /** The head an adoption names: the link the store holds with the report's event at a position. */
  @Bean
  ChainHead chainHead(JdbcTemplate jdbc) {
    return (reportId, position) -> {
      List<String> hashes = jdbc.query(
          "SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
          (row, i) -> StoredEvent.read(row, 1).storedHash(), reportId.value(), position - 1);
      return hashes.isEmpty() ? null : hashes.get(0);
    };
  }

  /** Every role sees every report that exists; a delegate only those its entity is a member of. */
  @Bean
  @ConditionalOnMissingBean
  ReportVisibility reportVisibility(EventStore events) {
    return new MembershipVisibility(events);
  }
}
