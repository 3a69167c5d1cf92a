package org.rapporteur.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rapporteur.kafka.embedded.InProcessKafkaBroker;
import org.rapporteur.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Kafka down must not stop the drafting: commands are stored and answered, and their events
 * reach Kafka and the projections, in order and once, when the broker is back. This test has a
 * broker of its own, so that it can stop and restart it on the same port and log.
 */
class KafkaOutageTest extends EmbeddedApiTest {

  private static Path kafkaData;
  private static int kafkaPort;
  private static InProcessKafkaBroker broker;

  @DynamicPropertySource
  static void ownBroker(DynamicPropertyRegistry registry) throws IOException {
    kafkaData = Files.createTempDirectory("rapporteur-outage-kafka");
    kafkaPort = freePort();
    broker = InProcessKafkaBroker.start(kafkaData, kafkaPort);
    properties(registry, TestDatabases.h2Url(), "sa", "");
    registry.add("rapporteur.kafka.bootstrap-servers", broker::bootstrapServers);
    registry.add("rapporteur.kafka.max-position-wait", () -> "1s");
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void commandsSucceedWhileKafkaIsDownAndTheirEventsArriveInOrderOnceItIsBack() throws Exception {
    Api api = api();
    String reportId = "outage-" + UUID.randomUUID();
    assertThat(api.post("secretary", "/api/reports", createReport(reportId, "")).statusCode()).isEqualTo(201);
    // The short position wait below is for the outage; before it, give a loaded machine time to project.
    assertThat(api.getWhenProjected(reportId, 1, Duration.ofSeconds(60)).statusCode()).isEqualTo(200);

    broker.close();
    List<Long> positions = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      HttpResponse<String> item =
          api.post("secretary", "/api/reports/" + reportId + "/agenda-items", "{\"title\":\"Item " + i + "\"}");
      assertThat(item.statusCode()).as(item.body()).isEqualTo(201);
      positions.add(json(item).get("position").asLong());
    }
    assertThat(positions).containsExactly(2L, 3L, 4L, 5L, 6L);
    HttpResponse<String> notYet = api.get("auditor", "/api/reports/" + reportId + "?minPosition=6");
    assertThat(notYet.statusCode()).isEqualTo(503);
    assertThat(notYet.headers().firstValue("Retry-After")).isPresent();

    broker = InProcessKafkaBroker.start(kafkaData, kafkaPort);
    HttpResponse<String> projected = api.getWhenProjected(reportId, 6, Duration.ofSeconds(90));
    assertThat(projected.statusCode()).as(projected.body()).isEqualTo(200);
    JsonNode draft = json(projected);
    List<String> titles = new ArrayList<>();
    draft.get("agenda").forEach(item -> titles.add(item.get("title").asText()));
    assertThat(titles).containsExactly("Item 1", "Item 2", "Item 3", "Item 4", "Item 5");

    List<Long> audited = new ArrayList<>();
    json(api.get("auditor", "/api/reports/" + reportId + "/audit")).forEach(e -> audited.add(e.get("position").asLong()));
    assertThat(audited).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
