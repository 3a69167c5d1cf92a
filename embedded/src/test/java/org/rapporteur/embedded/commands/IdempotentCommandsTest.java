package org.rapporteur.embedded.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} over HTTP: a retried command answers exactly as its first attempt did and
 * stores no second event, whether it comes after the answer or at the same time; the same key with
 * another request is refused.
 */
class IdempotentCommandsTest extends CommandApiTest {

  private static final String KEY = "Idempotency-Key";

  @Test
  void aRetryAfterSuccessAnswersTheSameWithoutASecondEvent() throws Exception {
    String reportId = newReport();
    String sectionId = section(reportId);
    String key = UUID.randomUUID().toString();
    String body = "{\"sectionId\":\"" + sectionId + "\",\"text\":\"The meeting was held online.\"}";

    HttpResponse<String> first = http().send("itu", "POST", "/api/reports/" + reportId + "/paragraphs", body, KEY, key);
    HttpResponse<String> retry = http().send("itu", "POST", "/api/reports/" + reportId + "/paragraphs", body, KEY, key);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
    assertThat(retry.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertChangedNothing(reportId, positionOf(first));
  }

  @Test
  void concurrentRetriesFromManyThreadsStoreOneEventAndAllGetItsAnswer() throws Exception {
    String reportId = newReport();
    String sectionId = section(reportId);
    long before = position(reportId, CREATED + 1);
    String key = UUID.randomUUID().toString();
    String body = "{\"sectionId\":\"" + sectionId + "\",\"text\":\"Sent by sixteen impatient clients.\"}";
    int threads = 16;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        answers.add(pool.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          return http().send("wmo", "POST", "/api/reports/" + reportId + "/paragraphs", body, KEY, key);
        }));
      }
      List<String> bodies = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        bodies.add(response.body());
      }
      assertThat(bodies).containsOnly(bodies.get(0));
      assertThat(json(answers.get(0).get()).get("position").asLong()).isEqualTo(before + 1);
      assertChangedNothing(reportId, before + 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSameKeyWithAnotherBodyOrPathIsRefusedAndChangesNothing() throws Exception {
    String reportId = newReport();
    String sectionId = section(reportId);
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = http().send("itu", "POST", "/api/reports/" + reportId + "/paragraphs",
        "{\"sectionId\":\"" + sectionId + "\",\"text\":\"First text.\"}", KEY, key);
    long position = positionOf(first);

    problem(http().send("itu", "POST", "/api/reports/" + reportId + "/paragraphs",
        "{\"sectionId\":\"" + sectionId + "\",\"text\":\"Another text.\"}", KEY, key), 422, "idempotency-key-reused");
    problem(http().send("itu", "POST", "/api/reports/" + reportId + "/participants",
        "{\"sectionId\":\"" + sectionId + "\",\"text\":\"First text.\"}", KEY, key), 422, "idempotency-key-reused");
    problem(http().send("itu", "POST", "/api/reports/" + reportId + "/adoption", null, KEY, key), 422,
        "idempotency-key-reused");
    assertChangedNothing(reportId, position);
  }

  @Test
  void keysAreScopedPerUserSoAnotherUsersKeyIsANewOne() throws Exception {
    String reportId = newReport();
    String sectionId = section(reportId);
    String key = UUID.randomUUID().toString();
    String body = "{\"sectionId\":\"" + sectionId + "\",\"text\":\"Both entities say the same.\"}";

    HttpResponse<String> itu = http().send("itu", "POST", "/api/reports/" + reportId + "/paragraphs", body, KEY, key);
    HttpResponse<String> wmo = http().send("wmo", "POST", "/api/reports/" + reportId + "/paragraphs", body, KEY, key);

    assertThat(positionOf(wmo)).isEqualTo(positionOf(itu) + 1);
    assertThat(json(wmo).get("paragraphId")).isNotEqualTo(json(itu).get("paragraphId"));
    assertThat(wmo.headers().firstValue("Idempotent-Replayed")).isEmpty();
  }

  @Test
  void aRefusalIsAnsweredAgainAsItWasEvenOnceTheCommandWouldBeAccepted() throws Exception {
    String reportId = newReport();
    String key = UUID.randomUUID().toString();
    HttpResponse<String> refused = http().send("chair", "POST", "/api/reports/" + reportId + "/agenda/adoption", null, KEY, key);
    problem(refused, 409, "empty-agenda");
    agendaItem(reportId);

    HttpResponse<String> retry = http().send("chair", "POST", "/api/reports/" + reportId + "/agenda/adoption", null, KEY, key);

    assertThat(retry.statusCode()).isEqualTo(refused.statusCode());
    assertThat(retry.body()).isEqualTo(refused.body());
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
  }

  @Test
  void aBodylessCommandWithAKeyIsCarriedOutOnce() throws Exception {
    String reportId = newReport();
    agendaItem(reportId);
    String key = UUID.randomUUID().toString();

    HttpResponse<String> first = http().send("chair", "POST", "/api/reports/" + reportId + "/agenda/adoption", null, KEY, key);
    HttpResponse<String> retry = http().send("chair", "POST", "/api/reports/" + reportId + "/agenda/adoption", null, KEY, key);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(first.body());
    assertChangedNothing(reportId, positionOf(first));
  }

  @Test
  void aKeyThatIsNotVisibleAsciiIsRefused() throws Exception {
    String reportId = newReport();
    problem(http().send("secretary", "POST", "/api/reports/" + reportId + "/agenda/adoption", null, KEY, "x".repeat(256)),
        400, "invalid-idempotency-key");
  }
}
