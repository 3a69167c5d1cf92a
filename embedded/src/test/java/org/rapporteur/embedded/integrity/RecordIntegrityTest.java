package org.rapporteur.embedded.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.rapporteur.command.publishing.Reconciler;
import org.rapporteur.embedded.Api;
import org.rapporteur.embedded.EmbeddedApiTest;
import org.rapporteur.query.projection.ProjectionCounters;
import org.rapporteur.testing.Await;
import org.rapporteur.testing.TestKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the record keeps whatever fails between the store and Kafka: an event too large for the
 * topic, an event Kafka refuses for good, a hole in what was published. Subclasses pick the database.
 */
abstract class RecordIntegrityTest extends EmbeddedApiTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Autowired Reconciler reconciler;
  @Autowired ProjectionCounters counters;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aCommandWhoseEventWouldBeLargerThanTheLimitIsRefusedAndChangesNothing() throws Exception {
    Api api = api();
    String reportId = "large-" + UUID.randomUUID();
    // 20 footnotes of 20,000 two-byte characters: within every field's limit and the request's
    // 1 MiB, but an event of about 800 KB, over the 512 KiB an event may hold.
    List<String> footnotes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      footnotes.add("я".repeat(20_000));
    }
    String body = createReport(reportId, "").replace("}", ",\"footnotes\":" + JSON.writeValueAsString(footnotes) + "}");

    HttpResponse<String> refused = api.post("secretary", "/api/reports", body);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(refused);
    assertThat(problem.get("type").asText()).isEqualTo("urn:rapporteur:problem:event-too-large");
    assertThat(problem.get("maxBytes").asInt()).isEqualTo(512 * 1024);
    assertThat(problem.get("bytes").asInt()).isGreaterThan(512 * 1024);
    assertThat(api.post("secretary", "/api/reports", createReport(reportId, "")).statusCode())
        .as("the refused command stored nothing: the same id is free").isEqualTo(201);
  }

  @Test
  void anEventKafkaRefusesForGoodHoldsOnlyItsReportUntilAnAdminRepublishesIt() throws Exception {
    Api api = api();
    String refusedId = "refused-" + UUID.randomUUID();
    String besideId = "beside-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
      setMaxMessageBytes(admin, "1024");
      try {
        // A footnote of random letters: too large for the topic even compressed, well within the event limit.
        String footnote = randomLetters(20_000);
        HttpResponse<String> created = api.post("secretary", "/api/reports",
            createReport(refusedId, "").replace("}", ",\"footnotes\":[\"" + footnote + "\"]}"));
        assertThat(created.statusCode()).as("stored: the command does not wait for Kafka").isEqualTo(201);
        Await.until("the event recorded as unpublishable", PATIENCE, () -> unpublishable(api).contains(refusedId));

        assertThat(api.post("secretary", "/api/reports", createReport(besideId, "")).statusCode()).isEqualTo(201);
        assertThat(api.get("auditor", "/api/reports/" + besideId + "?minPosition=1").statusCode())
            .as("other reports go on").isEqualTo(200);
        HttpResponse<String> item = api.post("secretary", "/api/reports/" + refusedId + "/agenda-items", "{\"title\":\"Item\"}");
        assertThat(json(item).get("position").asLong()).isEqualTo(2);
        assertThat(api.get("auditor", "/api/reports/" + refusedId + "?minPosition=2").statusCode())
            .as("the query side waits for position 1").isEqualTo(503);
      } finally {
        setMaxMessageBytes(admin, null);
      }
    }
    assertThat(api.post("secretary", "/api/admin/reports/" + refusedId + "/republication", null).statusCode()).isEqualTo(403);
    HttpResponse<String> republished = api.post("admin", "/api/admin/reports/" + refusedId + "/republication", null);
    assertThat(republished.statusCode()).as(republished.body()).isEqualTo(200);
    assertThat(json(republished).get("toPosition").asLong()).isEqualTo(2);

    assertThat(api.getWhenProjected(refusedId, 2, PATIENCE).statusCode()).isEqualTo(200);
    List<Long> audited = new ArrayList<>();
    json(api.get("auditor", "/api/reports/" + refusedId + "/audit")).forEach(e -> audited.add(e.get("position").asLong()));
    assertThat(audited).containsExactly(1L, 2L);
    assertThat(unpublishable(api)).doesNotContain(refusedId);
    assertThat(jdbc.queryForList("SELECT actorUser FROM admin_action WHERE aggregateIdentifier = ?", String.class, refusedId))
        .containsExactly("admin");
  }

  @Test
  void theReconcilerRepublishesWhatThePublisherLeftBehindAndConsumersDropTheRepeats() throws Exception {
    Api api = api();
    String reportId = "hole-" + UUID.randomUUID();
    api.post("secretary", "/api/reports", createReport(reportId, ""));
    api.post("secretary", "/api/reports/" + reportId + "/agenda-items", "{\"title\":\"One\"}");
    api.post("secretary", "/api/reports/" + reportId + "/agenda-items", "{\"title\":\"Two\"}");
    assertThat(api.getWhenProjected(reportId, 3, PATIENCE).statusCode()).isEqualTo(200);
    Await.until("position 3 published", PATIENCE, () -> published(reportId) == 3);
    long conflictsBefore = counters.conflicts();
    long republishedBefore = reconciler.republished();

    // As if the publisher's token had passed positions 2 and 3 without sending them.
    jdbc.update("UPDATE published_position SET position = 1 WHERE aggregateIdentifier = ?", reportId);
    reconciler.reconcile(); // notes the report behind
    reconciler.reconcile(); // behind twice without progress, and passed by the token: republished

    assertThat(reconciler.republished()).isEqualTo(republishedBefore + 1);
    assertThat(published(reportId)).isEqualTo(3);
    Map<Long, List<String>> onTopic = idsByPosition(reportId, 5);
    assertThat(onTopic.get(2L)).hasSize(2).containsOnly(onTopic.get(2L).get(0));
    assertThat(onTopic.get(3L)).hasSize(2).containsOnly(onTopic.get(3L).get(0));
    api.post("secretary", "/api/reports/" + reportId + "/agenda-items", "{\"title\":\"Three\"}");
    assertThat(api.getWhenProjected(reportId, 4, PATIENCE).statusCode()).isEqualTo(200);
    List<Long> audited = new ArrayList<>();
    json(api.get("auditor", "/api/reports/" + reportId + "/audit")).forEach(e -> audited.add(e.get("position").asLong()));
    assertThat(audited).as("each event applied once").containsExactly(1L, 2L, 3L, 4L);
    assertThat(counters.conflicts()).as("a repeat is no conflict").isEqualTo(conflictsBefore);
  }

  private long published(String reportId) {
    List<Long> positions = jdbc.queryForList(
        "SELECT position FROM published_position WHERE aggregateIdentifier = ?", Long.class, reportId);
    return positions.isEmpty() ? 0 : positions.get(0);
  }

  /** The report's records on the topic: the event ids seen at each position, in log order. */
  private Map<Long, List<String>> idsByPosition(String reportId, int expectedRecords) {
    Map<Long, List<String>> ids = new java.util.TreeMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        Map.of("bootstrap.servers", TestKafka.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      Collection<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (reportId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
            long position = Long.parseLong(new String(record.headers().lastHeader("ce_position").value(), StandardCharsets.UTF_8));
            ids.computeIfAbsent(position, p -> new ArrayList<>())
                .add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    assertThat(ids.values().stream().mapToInt(List::size).sum()).isEqualTo(expectedRecords);
    return ids;
  }

  private void setMaxMessageBytes(Admin admin, String value) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    AlterConfigOp op = value == null
        ? new AlterConfigOp(new ConfigEntry("max.message.bytes", ""), AlterConfigOp.OpType.DELETE)
        : new AlterConfigOp(new ConfigEntry("max.message.bytes", value), AlterConfigOp.OpType.SET);
    admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get();
    String expected = value == null ? "1048588" : value;
    Await.until("max.message.bytes=" + expected, PATIENCE, () -> {
      try {
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get("max.message.bytes").value()
            .equals(expected);
      } catch (Exception e) {
        return false;
      }
    });
  }

  private static String unpublishable(Api api) {
    return api.get("admin", "/api/admin/publication").body();
  }

  private static String randomLetters(int length) {
    Random random = new Random(42);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }
}
