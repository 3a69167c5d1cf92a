package org.rapporteur.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapporteur.command.eventstore.EventSizeLimit;
import org.rapporteur.testing.TestKafka;

/** The topic the command side creates, and the topics it refuses, on a real broker. */
class ReportTopicTest {

  private final Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));

  @AfterEach
  void close() {
    admin.close();
  }

  @Test
  void aMissingTopicIsCreatedToKeepEveryEventForGood() throws Exception {
    String name = "kept-" + UUID.randomUUID();
    ReportTopic topic = topic(name);

    topic.ensure();
    topic.ensure(); // a second call changes nothing

    assertThat(topic.ready()).isTrue();
    assertThat(admin.describeTopics(List.of(name)).allTopicNames().get().get(name).partitions()).hasSize(4);
    Config config = config(name);
    assertThat(config.get("retention.ms").value()).isEqualTo("-1");
    assertThat(config.get("retention.bytes").value()).isEqualTo("-1");
    assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
    assertThat(config.get("unclean.leader.election.enable").value()).isEqualTo("false");
    assertThat(config.get("min.insync.replicas").value()).isEqualTo("1");
  }

  @Test
  void aTopicThatWouldForgetOrCompactEventsIsRefusedWithWhatToChange() throws Exception {
    String forgetful = "forgetful-" + UUID.randomUUID();
    admin.createTopics(List.of(new NewTopic(forgetful, 1, (short) 1)
        .configs(Map.of("retention.ms", "604800000", "cleanup.policy", "compact")))).all().get();

    ReportTopic topic = topic(forgetful);

    assertThatThrownBy(topic::ensure)
        .isInstanceOf(ReportTopic.UnsafeTopicException.class)
        .hasMessageContaining("retention.ms=604800000 (must be -1)")
        .hasMessageContaining("cleanup.policy=compact (must be delete)")
        .hasMessageContaining("--add-config retention.ms=-1");
    assertThat(topic.ready()).isFalse();
  }

  @Test
  void aTopicThatWouldRefuseTheLargestEventAllowedIsRefused() throws Exception {
    String small = "small-records-" + UUID.randomUUID();
    admin.createTopics(List.of(new NewTopic(small, 1, (short) 1)
        .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1", "max.message.bytes", "100000")))).all().get();

    assertThatThrownBy(topic(small)::ensure)
        .isInstanceOf(ReportTopic.UnsafeTopicException.class)
        .hasMessageContaining("max.message.bytes=100000");
  }

  private ReportTopic topic(String name) {
    return new ReportTopic(admin, new KafkaPublishingProperties(TestKafka.bootstrapServers(), name, 4, (short) 1, 1),
        EventSizeLimit.DEFAULT_MAX_BYTES, Duration.ofSeconds(10));
  }

  private Config config(String name) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
    return admin.describeConfigs(List.of(resource)).all().get().get(resource);
  }
}
