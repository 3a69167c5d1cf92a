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
 * The embedded default started for a test: a real Kafka broker, a real database, the whole API on
 * a random port, no demo data unless a test turns it on. Subclasses pick the database with a
 * {@code @DynamicPropertySource} that calls {@link #properties}.
 */
@SpringBootTest(classes = EmbeddedRapporteur.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
public abstract class EmbeddedApiTest {

  protected static final ObjectMapper JSON = ReportEventJson.newObjectMapper();

  @LocalServerPort protected int port;

  @Value("${rapporteur.kafka.topic}")
  protected String topic;

  /** Each database gets its own topic and consumer group: contexts stay apart though cached. */
  protected static void properties(DynamicPropertyRegistry registry, String url, String user, String password) {
    String run = UUID.randomUUID().toString();
    registry.add("rapporteur.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    registry.add("rapporteur.kafka.topic", () -> "report-events-" + run);
    registry.add("rapporteur.kafka.consumer-group", () -> "query-side-" + run);
    registry.add("rapporteur.demo.enabled", () -> "false");
    // The checkpoint signing key is generated here, in the build's output, not in a ./data beside the sources.
    registry.add("rapporteur.integrity.key-directory", () -> "target/checkpoint-keys");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> user);
    registry.add("spring.datasource.password", () -> password);
  }

  protected Api api() {
    return new Api(port);
  }

  protected static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  /** A report whose members are the demo delegates' entities: ITU, WMO, OOSA and UNODC. */
  protected static String createReport(String reportId) {
    return createReport(reportId, "\"ITU\",\"WMO\",\"OOSA\",\"UNODC\"");
  }

  /** A report whose members are the given codes, written as JSON strings ({@code "\"ITU\""}). */
  protected static String createReport(String reportId, String memberEntities) {
    return "{\"reportId\":\"" + reportId + "\",\"body\":\"Inter-Agency Meeting on Outer Space Activities\","
        + "\"sessionNumber\":40,\"title\":\"Report on its fortieth session\",\"venue\":\"online\","
        + "\"startDate\":\"2021-12-14\",\"endDate\":\"2021-12-14\",\"language\":\"en\","
        + "\"memberEntities\":[" + memberEntities + "]}";
  }
}
