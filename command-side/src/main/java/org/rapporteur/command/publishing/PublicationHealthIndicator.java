package org.rapporteur.command.publishing;

import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code publication} part of {@code /actuator/health}: whether the topic is created and safe,
 * which reports were stored further than published at the last reconciliation, the events Kafka refused for good,
 * and the publisher's last error; and the role of the instance (command side), for a deployment of several. Refused events and lag do not make it DOWN: commands are still
 * taken and the other reports still published.
 */
class PublicationHealthIndicator implements HealthIndicator {

  private static final int LISTED = 20;

  private final ReportTopic topic;
  private final PublicationLedger ledger;
  private final KafkaEventPublisher publisher;
  private final Reconciler reconciler;

  PublicationHealthIndicator(
      ReportTopic topic, PublicationLedger ledger, KafkaEventPublisher publisher, Reconciler reconciler) {
    this.topic = topic;
    this.ledger = ledger;
    this.publisher = publisher;
    this.reconciler = reconciler;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up().withDetail("role", "command-side").withDetail("topicReady", topic.ready());
    // From the reconciler's last comparison: comparing scans the store, too much for every probe.
    List<PublicationLedger.Behind> behind = reconciler.lastComparison();
    health.withDetail("reportsBehind", behind.size());
    health.withDetail("behind", behind.subList(0, Math.min(LISTED, behind.size())));
    health.withDetail("unpublishable", ledger.unpublishable());
    health.withDetail("reportsRepublished", reconciler.republished());
    if (publisher.lastError() != null) {
      health.withDetail("publisherLastError", publisher.lastError());
    }
    return health.build();
  }
}
