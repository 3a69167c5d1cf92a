package org.rapporteur.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.testing.TestKafka;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The walking skeleton, end to end through a real Kafka broker and a real database: a command is
 * stored, published, projected, and read back at the position the command answered.
 */
abstract class WalkingSkeletonTest extends EmbeddedApiTest {

  @Test
  void aCommandTravelsThroughKafkaIntoTheDraftReadAtItsPosition() throws Exception {
    Api api = api();
    String reportId = "r-" + UUID.randomUUID();
    HttpResponse<String> created = api.post("secretary", "/api/reports", createReport(reportId, ""));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(created).get("position").asLong()).isEqualTo(1);

    HttpResponse<String> item = api.post("secretary", "/api/reports/" + reportId + "/agenda-items", "{\"title\":\"Opening of the session\"}");
    assertThat(item.statusCode()).as(item.body()).isEqualTo(201);
    long position = json(item).get("position").asLong();
    String itemId = json(item).get("itemId").asText();
    assertThat(position).isEqualTo(2);

    HttpResponse<String> draft = api.get("auditor", "/api/reports/" + reportId + "?minPosition=" + position);
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
    JsonNode body = json(draft);
    assertThat(body.get("position").asLong()).isEqualTo(2);
    assertThat(body.get("status").asText()).isEqualTo("DRAFT");
    assertThat(body.get("agenda").get(0).get("itemId").asText()).isEqualTo(itemId);
    assertThat(body.get("agenda").get(0).get("title").asText()).isEqualTo("Opening of the session");
  }

  @Test
  void kafkaCarriesEachEventKeyedByReportWithCloudEventsHeaders() throws Exception {
    Api api = api();
    String reportId = "k-" + UUID.randomUUID();
    api.post("secretary", "/api/reports", createReport(reportId, ""));
    api.post("secretary", "/api/reports/" + reportId + "/agenda-items", "{\"title\":\"Opening\"}");

    List<ConsumerRecord<byte[], byte[]>> records = recordsOf(reportId, 2);
    assertThat(records).hasSize(2);
    Map<String, String> first = headers(records.get(0));
    assertThat(first)
        .containsEntry("ce_specversion", "1.0")
        .containsEntry("ce_type", "ReportCreated")
        .containsEntry("ce_source", "/reports/" + reportId)
        .containsEntry("content-type", "application/json")
        .containsEntry("ce_position", "1")
        .containsEntry("ce_actoruser", "secretary")
        .containsEntry("ce_actorrole", "SECRETARY")
        .containsKeys("ce_id", "ce_time");
    assertThat(headers(records.get(1))).containsEntry("ce_type", "AgendaItemProposed").containsEntry("ce_position", "2");
    assertThat(JSON.readTree(records.get(0).value()).get("reportId").asText()).isEqualTo(reportId);
  }

  @Test
  void anonymousCallersAreRefusedAndTheSameReportIdTwiceConflicts() throws Exception {
    Api api = api();
    assertThat(api.get(null, "/api/reports").statusCode()).isEqualTo(401);
    String reportId = "d-" + UUID.randomUUID();
    assertThat(api.post("secretary", "/api/reports", createReport(reportId)).statusCode()).isEqualTo(201);
    HttpResponse<String> again = api.post("secretary", "/api/reports", createReport(reportId));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(json(again).get("type").asText()).isEqualTo("urn:rapporteur:problem:report-exists");
  }

  private List<ConsumerRecord<byte[], byte[]>> recordsOf(String reportId, int expected) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", TestKafka.bootstrapServers());
    config.put("group.id", "test-" + UUID.randomUUID());
    config.put("auto.offset.reset", "earliest");
    List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (found.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (reportId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
            found.add(record);
          }
        }
      }
    }
    return found;
  }

  private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return headers;
  }
}
