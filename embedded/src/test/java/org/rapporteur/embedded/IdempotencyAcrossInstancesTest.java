package org.rapporteur.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapporteur.command.CommandSideApplication;
import org.rapporteur.testing.TestDatabases;
import org.rapporteur.testing.TestKafka;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code Idempotency-Key} where it is hardest: two command-side instances sharing one PostgreSQL
 * event store, retries split between them at the same moment, and a retry sent to an instance
 * started after the first attempt's instance stopped. Counted in the store itself.
 */
class IdempotencyAcrossInstancesTest {

  private static final String KEY = "Idempotency-Key";
  private static String url;
  private static String topic;
  private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

  @BeforeAll
  static void startTwoInstances() {
    url = TestDatabases.postgresUrl();
    topic = "idempotency-" + UUID.randomUUID();
    instances.add(start());
    instances.add(start());
  }

  @AfterAll
  static void stopInstances() {
    instances.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void concurrentRetriesSplitBetweenTwoInstancesStoreOneEvent() throws Exception {
    String reportId = "i-" + UUID.randomUUID();
    assertThat(api(0).post("secretary", "/api/reports", EmbeddedApiTest.createReport(reportId, "")).statusCode()).isEqualTo(201);
    String key = UUID.randomUUID().toString();
    int threads = 16;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        Api api = api(t % 2);
        answers.add(pool.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          return api.send("secretary", "POST", "/api/reports/" + reportId + "/agenda-items", "{\"title\":\"Opening\"}", KEY, key);
        }));
      }
      List<String> bodies = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        bodies.add(response.body());
      }
      assertThat(bodies).containsOnly(bodies.get(0));
    } finally {
      pool.shutdownNow();
    }
    assertThat(eventTypes(reportId)).containsExactly("ReportCreated", "AgendaItemProposed");
  }

  @Test
  void aRetryAfterARestartGetsTheFirstAnswer() throws Exception {
    String reportId = "i-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    ConfigurableApplicationContext first = start();
    HttpResponse<String> created;
    try {
      created = api(first).send("secretary", "POST", "/api/reports", EmbeddedApiTest.createReport(reportId, ""), KEY, key);
    } finally {
      first.close();
    }
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    ConfigurableApplicationContext restarted = start();
    try {
      HttpResponse<String> retry =
          api(restarted).send("secretary", "POST", "/api/reports", EmbeddedApiTest.createReport(reportId, ""), KEY, key);
      assertThat(retry.statusCode()).isEqualTo(201);
      assertThat(retry.body()).isEqualTo(created.body());
      assertThat(retry.headers().firstValue("Location")).isEqualTo(created.headers().firstValue("Location"));
      assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
    } finally {
      restarted.close();
    }
    assertThat(eventTypes(reportId)).containsExactly("ReportCreated");
  }

  /** Command-line arguments, so that they win over command-side.yml as deployment settings do. */
  private static ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(CommandSideApplication.class)
        .run(
            "--spring.config.name=command-side",
            "--server.port=0",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=" + TestDatabases.postgresPassword(),
            "--rapporteur.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
            "--rapporteur.kafka.topic=" + topic,
            "--rapporteur.identity.mode=demo",
            "--rapporteur.identity.demo-password=demo");
  }

  private static Api api(int instance) {
    return api(instances.get(instance));
  }

  private static Api api(ConfigurableApplicationContext context) {
    return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  private static List<String> eventTypes(String reportId) throws Exception {
    List<String> types = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "postgres", TestDatabases.postgresPassword());
        PreparedStatement s = c.prepareStatement(
            "SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")) {
      s.setString(1, reportId);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          types.add(rows.getString(1).substring(rows.getString(1).lastIndexOf('.') + 1));
        }
      }
    }
    return types;
  }
}
