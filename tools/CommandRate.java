import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commands per second that a running product accepts: delegates drafting paragraphs into a few
 * reports from many threads, over HTTP. A measuring tool, not a test: run it against a product
 * started by the README's run command (or any base URL), e.g.
 * {@code java tools/CommandRate.java http://localhost:8080 8 20 4}
 * (base URL, threads, seconds, reports). Prints commands/s and latency percentiles.
 */
public class CommandRate {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String[] DELEGATES = {"itu", "wmo", "oosa", "unodc"};

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:8080";
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int reportCount = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    List<String[]> reports = new ArrayList<>();
    for (int i = 0; i < reportCount; i++) {
      reports.add(prepareReport(base));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicLong failures = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int n = t;
      Thread worker = new Thread(() -> {
        String user = DELEGATES[n % DELEGATES.length];
        String[] report = reports.get(n % reports.size());
        int i = 0;
        while (System.nanoTime() < deadline) {
          long start = System.nanoTime();
          int status = send(base, user, "POST", "/api/reports/" + report[0] + "/paragraphs",
              "{\"sectionId\":\"" + report[1] + "\",\"text\":\"Paragraph " + n + "-" + i++ + " drafted under load.\"}").statusCode();
          if (status == 201) {
            latencies.add(System.nanoTime() - start);
          } else {
            failures.incrementAndGet();
          }
        }
      });
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf("threads=%d seconds=%d reports=%d accepted=%d failed=%d commands/s=%.0f p50=%.1fms p99=%.1fms%n",
        threads, seconds, reportCount, sorted.size(), failures.get(), sorted.size() / (double) seconds,
        percentile(sorted, 0.50), percentile(sorted, 0.99));
  }

  private static double percentile(List<Long> sorted, double q) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size()))) / 1e6;
  }

  /** A report with an adopted agenda and one section: returns {reportId, sectionId}. */
  private static String[] prepareReport(String base) {
    String reportId = field(send(base, "secretary", "POST", "/api/reports",
        "{\"body\":\"Bench\",\"sessionNumber\":1,\"title\":\"Load\",\"venue\":\"Geneva\",\"startDate\":\"2026-01-01\","
            + "\"endDate\":\"2026-01-02\",\"language\":\"en\",\"memberEntities\":[\"ITU\",\"WMO\",\"OOSA\",\"UNODC\"]}").body(), "reportId");
    String itemId = field(send(base, "secretary", "POST", "/api/reports/" + reportId + "/agenda-items", "{\"title\":\"Item\"}").body(), "itemId");
    send(base, "chair", "POST", "/api/reports/" + reportId + "/agenda/adoption", null);
    String sectionId = field(send(base, "secretary", "POST", "/api/reports/" + reportId + "/sections",
        "{\"chapter\":\"I\",\"title\":\"Work\",\"agendaItemIds\":[\"" + itemId + "\"]}").body(), "sectionId");
    return new String[] {reportId, sectionId};
  }

  private static HttpResponse<String> send(String base, String user, String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }
}
