package org.rapporteur.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapporteur.command.CommandSideApplication;
import org.rapporteur.command.eventstore.LostRaceRetryScheduler;
import org.rapporteur.testing.TestDatabases;
import org.rapporteur.testing.TestKafka;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two command-side instances, as docker-compose can run them, writing one report in one
 * PostgreSQL event store. Each delegate's requests alternate between the instances, as a
 * round-robin front door sends them: both instances append to the same report stream, the loser
 * of each race is sent again on the report as it now stands, no accepted write is lost or
 * doubled, and the hash chain follows the winner of each race. Only the command side runs: the
 * property under test is the event store's, and the query side would add nothing but start-up time.
 */
class ScaleOutTest {

  private static final int THREADS = 16;
  private static final int EDITS_PER_THREAD = 5;
  private static final String[] DELEGATES = {"itu", "wmo", "oosa", "unodc"};

  private static String url;
  private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

  @BeforeAll
  static void startTwoInstances() {
    url = TestDatabases.postgresUrl();
    String topic = "scale-out-" + UUID.randomUUID();
    for (int i = 0; i < 2; i++) {
      // Command-line arguments, so that they win over command-side.yml as deployment settings do.
      instances.add(
          new SpringApplicationBuilder(CommandSideApplication.class)
              .run(
                  "--spring.config.name=command-side",
                  "--server.port=0",
                  "--spring.datasource.url=" + url,
                  "--spring.datasource.username=postgres",
                  "--spring.datasource.password=" + TestDatabases.postgresPassword(),
                  "--rapporteur.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                  "--rapporteur.kafka.topic=" + topic,
                  "--rapporteur.identity.mode=demo",
                  "--rapporteur.identity.demo-password=demo"));
    }
  }

  @AfterAll
  static void stopInstances() {
    instances.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void twoInstancesWritingOneReportLoseNothingAndDoubleNothing() throws Exception {
    Api first = api(0);
    Api second = api(1);
    String reportId = "s-" + UUID.randomUUID();
    assertThat(first.post("secretary", "/api/reports", EmbeddedApiTest.createReport(reportId)).statusCode())
        .isEqualTo(201);
    String sectionId =
        EmbeddedApiTest.json(
                second.post(
                    "secretary", "/api/reports/" + reportId + "/sections", "{\"chapter\":\"I\",\"title\":\"Introduction\"}"))
            .get("sectionId")
            .asText();

    CyclicBarrier start = new CyclicBarrier(THREADS);
    ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String delegate = DELEGATES[t % DELEGATES.length];
      int thread = t;
      Callable<Void> edits =
          () -> {
            start.await(30, TimeUnit.SECONDS);
            Api[] alternate = thread % 2 == 0 ? new Api[] {first, second} : new Api[] {second, first};
            HttpResponse<String> drafted =
                alternate[0].post(delegate, "/api/reports/" + reportId + "/paragraphs",
                    "{\"sectionId\":\"" + sectionId + "\",\"text\":\"Thread " + thread + ", revision 1\"}");
            if (drafted.statusCode() != 201) {
              refused.add(drafted.body());
              return null;
            }
            String paragraphId = EmbeddedApiTest.json(drafted).get("paragraphId").asText();
            accepted.add("ParagraphDrafted:" + paragraphId + ":1");
            for (int revision = 1; revision < EDITS_PER_THREAD; revision++) {
              HttpResponse<String> revised =
                  alternate[revision % 2].put(delegate, "/api/reports/" + reportId + "/paragraphs/" + paragraphId,
                      "{\"text\":\"Thread " + thread + ", revision " + (revision + 1) + "\",\"baseRevision\":" + revision + "}");
              if (revised.statusCode() == 200) {
                accepted.add("ParagraphRevised:" + paragraphId + ":" + (revision + 1));
              } else {
                refused.add(revised.body());
              }
            }
            return null;
          };
      work.add(pool.submit(edits));
    }
    for (Future<?> f : work) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(refused).as("refused edits").isEmpty();
    List<String> stored = paragraphEventsInStore(reportId);
    assertThat(stored).containsExactlyInAnyOrderElementsOf(accepted);
    assertThat(retries()).as("commands that lost a race and were sent again").isPositive();
    JsonNode verification = EmbeddedApiTest.json(first.get("auditor", "/api/reports/" + reportId + "/verification"));
    assertThat(verification.get("verified").asBoolean()).as("the chain follows the winner of every race: " + verification)
        .isTrue();
    // Beside the paragraphs' events: the report's creation, its four members and its section.
    assertThat(verification.get("events").asLong()).isEqualTo(stored.size() + 6);
  }

  private static Api api(int instance) {
    return new Api(((WebServerApplicationContext) instances.get(instance)).getWebServer().getPort());
  }

  private static long retries() {
    return instances.stream().mapToLong(c -> c.getBean(LostRaceRetryScheduler.class).retries()).sum();
  }

  /** Every paragraph event of the report's stream, read from the store itself, sequences checked gapless. */
  private static List<String> paragraphEventsInStore(String reportId) throws Exception {
    List<String> events = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "postgres", TestDatabases.postgresPassword());
        PreparedStatement s =
            c.prepareStatement(
                "SELECT sequenceNumber, payloadType, payload FROM DomainEventEntry"
                    + " WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")) {
      s.setString(1, reportId);
      try (ResultSet rows = s.executeQuery()) {
        long expected = 0;
        while (rows.next()) {
          assertThat(rows.getLong(1)).isEqualTo(expected++);
          String type = rows.getString(2).substring(rows.getString(2).lastIndexOf('.') + 1);
          if (type.startsWith("Paragraph")) {
            JsonNode payload = EmbeddedApiTest.JSON.readTree(rows.getBytes(3));
            events.add(type + ":" + payload.get("paragraphId").asText() + ":" + payload.get("revision").asInt());
          }
        }
      }
    }
    return events;
  }
}
