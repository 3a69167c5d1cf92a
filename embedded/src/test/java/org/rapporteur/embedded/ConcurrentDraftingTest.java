package org.rapporteur.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rapporteur.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Many delegates drafting and revising paragraphs of one report at the same time, through HTTP:
 * unrelated edits never conflict, and every accepted write is in the report's stream exactly once.
 */
class ConcurrentDraftingTest extends EmbeddedApiTest {

  private static final int THREADS = 16;
  private static final int EDITS_PER_THREAD = 5;
  private static final String[] DELEGATES = {"itu", "wmo", "oosa", "unodc"};

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    properties(registry, TestDatabases.h2Url(), "sa", "");
  }

  @Test
  void concurrentEditsOfDifferentParagraphsAllSucceedAndAppearOnce() throws Exception {
    Api api = api();
    String reportId = "c-" + UUID.randomUUID();
    assertThat(api.post("secretary", "/api/reports", createReport(reportId)).statusCode()).isEqualTo(201);
    HttpResponse<String> section =
        api.post("secretary", "/api/reports/" + reportId + "/sections", "{\"chapter\":\"I\",\"title\":\"Introduction\"}");
    String sectionId = json(section).get("sectionId").asText();

    CyclicBarrier start = new CyclicBarrier(THREADS);
    ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<Integer>> failures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String delegate = DELEGATES[t % DELEGATES.length];
      int thread = t;
      Callable<Integer> work =
          () -> {
            start.await(30, TimeUnit.SECONDS);
            int failed = 0;
            HttpResponse<String> drafted =
                api.post(delegate, "/api/reports/" + reportId + "/paragraphs",
                    "{\"sectionId\":\"" + sectionId + "\",\"text\":\"Paragraph of thread " + thread + ", revision 1\"}");
            if (drafted.statusCode() != 201) {
              return 1;
            }
            String paragraphId = json(drafted).get("paragraphId").asText();
            accepted.add("ParagraphDrafted:" + paragraphId + ":1");
            for (int revision = 1; revision < EDITS_PER_THREAD; revision++) {
              HttpResponse<String> revised =
                  api.put(delegate, "/api/reports/" + reportId + "/paragraphs/" + paragraphId,
                      "{\"text\":\"Paragraph of thread " + thread + ", revision " + (revision + 1) + "\",\"baseRevision\":" + revision + "}");
              if (revised.statusCode() == 200) {
                accepted.add("ParagraphRevised:" + paragraphId + ":" + (revision + 1));
              } else {
                failed++;
              }
            }
            return failed;
          };
      failures.add(pool.submit(work));
    }
    int failed = 0;
    for (Future<Integer> f : failures) {
      failed += f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(failed).as("unrelated edits refused").isZero();

    // Created, its four member entities, a section, then every edit.
    long expectedPosition = 6 + (long) THREADS * EDITS_PER_THREAD;
    JsonNode audit =
        json(api.get("auditor", "/api/reports/" + reportId + "/audit?limit=10000&minPosition=" + expectedPosition));
    List<String> inStream = new ArrayList<>();
    Set<Long> positions = new HashSet<>();
    for (JsonNode entry : audit) {
      positions.add(entry.get("position").asLong());
      String type = entry.get("type").asText();
      if (type.startsWith("Paragraph")) {
        JsonNode payload = entry.get("payload");
        inStream.add(type + ":" + payload.get("paragraphId").asText() + ":" + payload.get("revision").asInt());
      }
    }
    assertThat(positions).hasSize(audit.size());
    assertThat(audit.size()).isEqualTo(expectedPosition);
    assertThat(inStream).containsExactlyInAnyOrderElementsOf(accepted);
  }
}
