package org.rapporteur.embedded.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.embedded.Api;
import org.rapporteur.embedded.EmbeddedRapporteur;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.testing.Await;
import org.rapporteur.testing.TestDatabases;
import org.rapporteur.testing.TestKafka;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's "Backup and restore", step by step: the event store is backed up with pg_dump, the
 * machine and Kafka's data are lost, the store is restored with pg_restore into a new database, the
 * publisher fills a new topic from the store, and the projections are rebuilt from that topic. The
 * reports read exactly as before, and a new command goes on from the last position.
 */
class BackupAndRestoreTest {

  private static final ObjectMapper JSON = ReportEventJson.newObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private final List<ConfigurableApplicationContext> running = new ArrayList<>();
  private final List<String> databases = new ArrayList<>();
  @TempDir Path backups;

  @AfterEach
  void cleanUp() throws Exception {
    running.forEach(ConfigurableApplicationContext::close);
    try (Connection c = DriverManager.getConnection(server() + "test", "postgres", "");
        Statement s = c.createStatement()) {
      for (String database : databases) {
        s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }

  @Test
  void theEventStoreRestoredFromABackupRefillsANewTopicAndTheRebuiltProjectionsReadAsBefore() throws Exception {
    String source = database("backup_source");
    ConfigurableApplicationContext before = start(source, "before");
    Api api = new Api(port(before));
    List<String> reports = List.of("restored-" + UUID.randomUUID(), "restored-" + UUID.randomUUID());
    Map<String, JsonNode> drafts = new HashMap<>();
    for (String reportId : reports) {
      api.post("secretary", "/api/reports", report(reportId));
      for (int i = 1; i <= 3; i++) {
        api.post("secretary", "/api/reports/" + reportId + "/agenda-items", "{\"title\":\"Item " + i + "\"}");
      }
      drafts.put(reportId, read(api, reportId, 4));
    }
    before.close();

    Path dump = backups.resolve("event-store.dump");
    run("pg_dump", "-Fc", "-h", "127.0.0.1", "-U", "postgres", "-d", source, "-f", dump.toString());
    String target = database("backup_target");
    run("pg_restore", "-h", "127.0.0.1", "-U", "postgres", "-d", target, dump.toString());

    // Kafka's data is lost: the restored product publishes to a topic that starts empty.
    ConfigurableApplicationContext after = start(target, "after");
    api = new Api(port(after));
    HttpResponse<String> replay = api.post("admin", "/api/admin/publication/replay", null);
    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
    long events = JSON.readTree(replay.body()).get("events").asLong();
    assertThat(events).isEqualTo(8);
    String topic = after.getEnvironment().getProperty("rapporteur.kafka.topic");
    Await.until("the new topic holds every stored event", PATIENCE, () -> records(topic) == events);

    HttpResponse<String> rebuild = api.post("admin", "/api/admin/projections/rebuild", null);
    assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
    String rebuildId = JSON.readTree(rebuild.body()).get("rebuildId").asText();
    Api admin = api;
    Await.until("the rebuild to end", PATIENCE, () ->
        !admin.get("admin", "/api/admin/projections/rebuild/" + rebuildId).body().contains("RUNNING"));
    assertThat(api.get("admin", "/api/admin/projections/rebuild/" + rebuildId).body()).contains("COMPLETED");

    for (String reportId : reports) {
      assertThat(read(api, reportId, 4)).isEqualTo(drafts.get(reportId));
      HttpResponse<String> next = api.post("secretary", "/api/reports/" + reportId + "/agenda-items", "{\"title\":\"After\"}");
      assertThat(JSON.readTree(next.body()).get("position").asLong()).isEqualTo(5);
      assertThat(read(api, reportId, 5).get("position").asLong()).isEqualTo(5);
    }
  }

  /** The embedded default on the database, as arguments: they outrank application-embedded.yml. */
  private ConfigurableApplicationContext start(String database, String name) {
    String run = name + "-" + UUID.randomUUID();
    ConfigurableApplicationContext context = new SpringApplicationBuilder(EmbeddedRapporteur.class)
        .profiles("embedded")
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + server() + database,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--rapporteur.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
            "--rapporteur.kafka.topic=report-events-" + run,
            "--rapporteur.kafka.consumer-group=query-side-" + run,
            "--rapporteur.demo.enabled=false");
    running.add(context);
    return context;
  }

  /** A new database on the local server; this procedure needs pg_dump and pg_restore beside it. */
  private String database(String purpose) throws Exception {
    String url = TestDatabases.postgresUrl(); // skips or fails, saying why, without a PostgreSQL
    if (!url.startsWith(server())) {
      String why = "the backup procedure runs pg_dump against the local PostgreSQL, and this run uses a container";
      System.out.println("SKIPPED BackupAndRestoreTest: " + why);
      Assumptions.abort(why);
    }
    String name = purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(server() + "test", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    databases.add(name);
    return name;
  }

  private static String server() {
    return "jdbc:postgresql://127.0.0.1:5432/";
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(String.join(" ", command) + " ends").isTrue();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
  }

  private static JsonNode read(Api api, String reportId, long position) throws Exception {
    HttpResponse<String> answer = api.getWhenProjected(reportId, position, PATIENCE);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static long records(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        Map.of("bootstrap.servers", TestKafka.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static String report(String reportId) {
    return "{\"reportId\":\"" + reportId + "\",\"body\":\"Committee\",\"sessionNumber\":1,\"title\":\"Report\","
        + "\"venue\":\"Vienna\",\"startDate\":\"2026-01-01\",\"endDate\":\"2026-01-02\",\"language\":\"en\"}";
  }
}
