package org.rapporteur.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.rapporteur.testing.Await;

/** One report of many paragraphs: what a command, a draft read and the rendered document cost. */
final class LargeReport {

  record Figures(int paragraphs, double commandP99Ms, double draftGetP99Ms, double documentHtmlMs,
      int documentHtmlBytes) {}

  private LargeReport() {}

  static Figures measure(Api api, int paragraphs, int samples) throws Exception {
    CommandLoad.Report report = CommandLoad.createReports(api, 1).get(0);
    String path = "/api/reports/" + report.id();
    String[] ids = new String[paragraphs];
    AtomicLong last = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> drafts = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      drafts.add(pool.submit(() -> {
        for (int i = thread; i < paragraphs; i += 8) {
          var json = api.post("secretary", path + "/paragraphs", Map.of("sectionId", report.sectionId(),
              "text", "Paragraph " + i + ": the Meeting took note of the statements made under this item."))
              .expectOk("draft paragraph").json();
          ids[i] = json.get("paragraphId").asText();
          last.accumulateAndGet(json.get("position").asLong(), Math::max);
        }
        return null;
      }));
    }
    RawBaselines.awaitAll(drafts);
    pool.shutdown();

    // Commands on the large report, one at a time: each revises a different paragraph.
    Histogram commands = new Histogram(3);
    for (int i = 0; i < samples; i++) {
      long t0 = System.nanoTime();
      var json = api.put("secretary", path + "/paragraphs/" + ids[(i * 7919) % paragraphs],
          Map.of("text", "Revised " + i + ": the Meeting took note of the statements.", "baseRevision", 1))
          .expectOk("revise paragraph").json();
      commands.recordValue((System.nanoTime() - t0) / 1000);
      last.accumulateAndGet(json.get("position").asLong(), Math::max);
    }
    // The projector may still be working off the load before; wait for it as a client would.
    Await.until("the large report's projection", Duration.ofMinutes(3),
        () -> api.get("auditor", path + "?minPosition=" + last.get()).ok());

    Histogram reads = new Histogram(3);
    for (int i = 0; i < samples; i++) {
      long t0 = System.nanoTime();
      api.get("auditor", path + "?minPosition=" + last.get()).expectOk("read the draft");
      reads.recordValue((System.nanoTime() - t0) / 1000);
    }
    // The document is rendered on every request; the median of a few renders.
    Histogram documents = new Histogram(3);
    int bytes = 0;
    for (int i = 0; i < Math.max(3, samples / 20); i++) {
      long t0 = System.nanoTime();
      bytes = api.get("auditor", path + "/document.html").expectOk("document.html").body().length();
      documents.recordValue((System.nanoTime() - t0) / 1000);
    }
    return new Figures(paragraphs, Results.ms(commands, 99), Results.ms(reads, 99), Results.ms(documents, 50), bytes);
  }
}
