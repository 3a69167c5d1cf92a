package org.rapporteur.embedded.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.rapporteur.embedded.Api;
import org.rapporteur.embedded.EmbeddedApiTest;
import org.rapporteur.shared.integrity.BundleVerifier;
import org.rapporteur.shared.integrity.CanonicalJson;
import org.rapporteur.shared.integrity.HashChain;
import org.rapporteur.testing.Await;
import org.rapporteur.testing.TestKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report's hash chain: recomputed by {@code /verification} from the event store, broken at the
 * right position when a row is edited or deleted behind the product's back; carried by Kafka and
 * shown by the audit trail, from which anyone recomputes it. Subclasses pick the database.
 */
abstract class HashChainTest extends EmbeddedApiTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void anUntouchedReportVerifies() throws Exception {
    String reportId = reportOfFourEvents();

    JsonNode verification = verification(reportId);

    assertThat(verification.get("reportId").asText()).isEqualTo(reportId);
    assertThat(verification.get("verified").asBoolean()).as(verification.toString()).isTrue();
    assertThat(verification.get("events").asLong()).isEqualTo(4);
    assertThat(verification.get("headHash").asText()).matches("[0-9a-f]{64}");
    assertThat(verification.get("firstBrokenPosition").isNull()).isTrue();
    assertThat(verification.get("chainedByMigrationThrough").isNull()).isTrue();
  }

  @Test
  void theAuditTrailsHashesRecomputeFromTheAuditTrailAloneAndEndAtTheVerifiedHead() throws Exception {
    String reportId = reportOfFourEvents();
    assertThat(api().getWhenProjected(reportId, 4, Duration.ofSeconds(60)).statusCode()).isEqualTo(200);

    JsonNode audit = json(api().get("auditor", "/api/reports/" + reportId + "/audit"));

    assertThat(audit).hasSize(4);
    String previous = "0".repeat(64);
    for (JsonNode entry : audit) {
      // Exactly the entry's fields as served, nothing typed: what any JCS implementation would take.
      ObjectNode hashed = JSON.createObjectNode();
      for (String field : List.of("previousHash", "position", "eventId", "type", "timestamp", "actor", "payload")) {
        hashed.set(field, entry.get(field));
      }
      assertThat(entry.get("previousHash").asText()).isEqualTo(previous);
      assertThat(entry.get("hash").asText()).as("position " + entry.get("position"))
          .isEqualTo(HashChain.sha256(CanonicalJson.canonicalize(hashed)));
      previous = entry.get("hash").asText();
    }
    assertThat(verification(reportId).get("headHash").asText()).isEqualTo(previous);
  }

  @Test
  void theKafkaRecordsCarryTheLinks() throws Exception {
    String reportId = reportOfFourEvents();
    assertThat(api().getWhenProjected(reportId, 4, Duration.ofSeconds(60)).statusCode()).isEqualTo(200);
    JsonNode audit = json(api().get("auditor", "/api/reports/" + reportId + "/audit"));

    Map<String, String> onTopic = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        Map.of("bootstrap.servers", TestKafka.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Await.until("the report's four records read back", Duration.ofSeconds(30), () -> {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (reportId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
            onTopic.put(header(record, "ce_position"), header(record, "ce_previoushash") + " " + header(record, "ce_hash"));
          }
        }
        return onTopic.size() == 4;
      });
    }
    for (JsonNode entry : audit) {
      assertThat(onTopic.get(entry.get("position").asText()))
          .isEqualTo(entry.get("previousHash").asText() + " " + entry.get("hash").asText());
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  @Test
  void anEventWhosePayloadWasEditedInTheDatabaseBreaksTheChainAtItsPosition() throws Exception {
    String reportId = reportOfFourEvents();
    byte[] payload = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
        byte[].class, reportId);
    String edited = new String(payload, StandardCharsets.UTF_8).replace("Opening", "Closing");
    assertThat(edited).isNotEqualTo(new String(payload, StandardCharsets.UTF_8));

    jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
        edited.getBytes(StandardCharsets.UTF_8), reportId);

    JsonNode verification = verification(reportId);
    assertThat(verification.get("verified").asBoolean()).isFalse();
    assertThat(verification.get("firstBrokenPosition").asLong()).isEqualTo(2);
    assertThat(verification.get("events").asLong()).isEqualTo(4);
  }

  @Test
  void aDeletedEventBreaksTheChainAtThePositionItLeftEmpty() throws Exception {
    String reportId = reportOfFourEvents();

    jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 1", reportId);

    JsonNode verification = verification(reportId);
    assertThat(verification.get("verified").asBoolean()).isFalse();
    assertThat(verification.get("firstBrokenPosition").asLong()).isEqualTo(2);
    assertThat(verification.get("events").asLong()).isEqualTo(3);
  }

  @Test
  void anEventWhoseStoredHashWasRewrittenBreaksTheChainAtItsPosition() throws Exception {
    String reportId = reportOfFourEvents();
    byte[] metaData = jdbc.queryForObject(
        "SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 3", byte[].class, reportId);
    JsonNode link = JSON.readTree(metaData);
    String rewritten = new String(metaData, StandardCharsets.UTF_8)
        .replace(link.get("hash").asText(), "f".repeat(64));

    jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 3",
        rewritten.getBytes(StandardCharsets.UTF_8), reportId);

    assertThat(verification(reportId).get("firstBrokenPosition").asLong()).isEqualTo(4);
  }

  @Test
  void aReportNoOneHoldsIsUnknown() throws Exception {
    HttpResponse<String> unknown = api().get("auditor", "/api/reports/nothing-" + UUID.randomUUID() + "/verification");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("type").asText()).isEqualTo("urn:rapporteur:problem:unknown-report");
  }

  @Test
  void theVerificationAsksForCredentials() {
    assertThat(api().get(null, "/api/reports/any/verification").statusCode()).isEqualTo(401);
  }

  @Test
  void approvalsAndTheAdoptionNameTheHashesTheyStandOnAndRenditionsNameTheRecordTheyCameFrom() throws Exception {
    Api api = api();
    String reportId = reportOfFourEvents();
    String paragraphId = paragraphIdOf(reportId);
    assertThat(api.post("chair", "/api/reports/" + reportId + "/paragraphs/" + paragraphId + "/approval", "{\"revision\":1}")
        .statusCode()).isEqualTo(200);
    assertThat(api.post("chair", "/api/reports/" + reportId + "/adoption", null).statusCode()).isEqualTo(200);
    assertThat(api.getWhenProjected(reportId, 6, Duration.ofSeconds(60)).statusCode()).isEqualTo(200);

    JsonNode audit = json(api.get("auditor", "/api/reports/" + reportId + "/audit"));
    // sha256sum of the UTF-8 bytes of "The meeting opened.", computed outside the product
    assertThat(audit.get(4).get("payload").get("textHash").asText())
        .isEqualTo("2d69026fcfc7e14f69a6d44e91f28210fc04afe185e164d125a5cac2da4664be");
    String approvalHash = audit.get(4).get("hash").asText();
    assertThat(audit.get(5).get("payload").get("headHash").asText()).as("the head the chair adopted").isEqualTo(approvalHash);
    String head = audit.get(5).get("hash").asText();
    assertThat(api.get("auditor", "/api/reports/" + reportId + "/document.html").body())
        .contains("<footer class=\"record-provenance\"><p>Rendered from position 6 of the record, head hash " + head + ".</p>");
    assertThat(api.get("auditor", "/api/reports/" + reportId + "/document.md").body())
        .contains("Rendered from position 6 of the record, head hash " + head + ".");
    assertThat(api.get("auditor", "/api/reports/" + reportId + "/document.xml").body())
        .contains("position=\"6\" headHash=\"" + head + "\"");

    // The projection's text no longer the approved one: the adopted report is not rendered.
    jdbc.update("UPDATE q_draft SET draft = REPLACE(draft, 'The meeting opened.', 'The meeting never opened.') WHERE report_id = ?",
        reportId);
    HttpResponse<String> refused = api.get("auditor", "/api/reports/" + reportId + "/document.html");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(json(refused).get("type").asText()).isEqualTo("urn:rapporteur:problem:text-not-as-approved");
    assertThat(json(refused).get("paragraphIds").get(0).asText()).isEqualTo(paragraphId);
  }

  private String paragraphIdOf(String reportId) throws Exception {
    JsonNode draft = json(api().getWhenProjected(reportId, 4, Duration.ofSeconds(60)));
    return draft.get("sections").get(0).get("paragraphs").get(0).get("paragraphId").asText();
  }

  @Test
  void theAuditorsEvidenceVerifiesOfflineAndEvidenceOfATamperedStoreDoesNot() throws Exception {
    String reportId = reportOfFourEvents();

    HttpResponse<byte[]> evidence = evidence("auditor", reportId);

    assertThat(evidence.statusCode()).isEqualTo(200);
    assertThat(evidence.headers().firstValue("Content-Type")).hasValue("application/zip");
    BundleVerifier.Verdict verdict = BundleVerifier.verify(new ByteArrayInputStream(evidence.body()));
    assertThat(verdict.verified()).as(verdict.toString()).isTrue();
    assertThat(verdict.events()).isEqualTo(4);
    assertThat(verdict.headHash()).isEqualTo(verification(reportId).get("headHash").asText());

    jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 2", reportId);
    BundleVerifier.Verdict tampered = BundleVerifier.verify(new ByteArrayInputStream(evidence("auditor", reportId).body()));
    assertThat(tampered.verified()).isFalse();
    assertThat(tampered.firstBrokenPosition()).isEqualTo(3);
  }

  @Test
  void onlyAuditorsAndAdminsTakeTheEvidence() throws Exception {
    String reportId = reportOfFourEvents();

    assertThat(evidence("admin", reportId).statusCode()).isEqualTo(200);
    assertThat(evidence("secretary", reportId).statusCode()).isEqualTo(403);
    assertThat(evidence("itu", reportId).statusCode()).as("not a member: no such report").isEqualTo(404);
    assertThat(evidence("auditor", "nothing-" + UUID.randomUUID()).statusCode()).isEqualTo(404);
  }

  private HttpResponse<byte[]> evidence(String user, String reportId) throws Exception {
    String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports/" + reportId + "/evidence"))
        .header("Authorization", "Basic " + credentials)
        .GET()
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private JsonNode verification(String reportId) throws Exception {
    HttpResponse<String> answer = api().get("auditor", "/api/reports/" + reportId + "/verification");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json(answer);
  }

  /** Created, an agenda item, a section, a paragraph: positions 1 to 4. */
  private String reportOfFourEvents() throws Exception {
    Api api = api();
    String reportId = "chain-" + UUID.randomUUID();
    assertThat(api.post("secretary", "/api/reports", createReport(reportId, "")).statusCode()).isEqualTo(201);
    assertThat(api.post("secretary", "/api/reports/" + reportId + "/agenda-items", "{\"title\":\"Opening\"}").statusCode())
        .isEqualTo(201);
    String sectionId = json(api.post("secretary", "/api/reports/" + reportId + "/sections",
        "{\"chapter\":\"I\",\"title\":\"Introduction\"}")).get("sectionId").asText();
    HttpResponse<String> paragraph = api.post("secretary", "/api/reports/" + reportId + "/paragraphs",
        "{\"sectionId\":\"" + sectionId + "\",\"text\":\"The meeting opened.\"}");
    assertThat(paragraph.statusCode()).as(paragraph.body()).isEqualTo(201);
    return reportId;
  }
}
