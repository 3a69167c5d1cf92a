package org.rapporteur.testing.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Many threads drafting, revising and submitting paragraphs of a few reports, as delegates and as
 * the secretary. Every acknowledged command (2xx) is recorded with its report, the position its
 * answer gives and, for a text it wrote, that text (unique per request, so that a command applied
 * twice shows). A command without an answer is only counted: its outcome is unknown.
 */
public final class Workload {

  /** An acknowledged command; {@code text} is null for commands that write none. */
  public record Ack(String reportId, long position, String text) {}

  public record Report(String id, String sectionId) {}

  /** Longer than a side's restart and a group's rebalance: a read still unanswered then is a fault. */
  private static final Duration READ_YOUR_WRITES_DEADLINE = Duration.ofSeconds(90);
  private static final String[] WRITERS = {"itu", "wmo", "oosa", "unodc", "secretary"};

  private final Api api;
  private final List<Report> reports;
  private final Queue<Ack> acks;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicInteger unknown = new AtomicInteger();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  private final long interval;
  private final boolean readYourWrites;
  private final AtomicLong readsChecked = new AtomicLong();
  private final AtomicLong lastAck = new AtomicLong();
  private final AtomicLong longestStall = new AtomicLong();
  private final Queue<String> staleReads = new ConcurrentLinkedQueue<>();

  /** {@code perThreadRate}: commands a second per writer, so that reports stay small enough to check. */
  public Workload(Api api, List<Report> reports, Queue<Ack> acks, int perThreadRate) {
    this(api, reports, acks, perThreadRate, false);
  }

  /**
   * @param readYourWrites whether each writer, after each acknowledged command, reads the report
   *     with {@code minPosition} at the command's position and records a read that shows less
   */
  public Workload(Api api, List<Report> reports, Queue<Ack> acks, int perThreadRate, boolean readYourWrites) {
    this.api = api;
    this.reports = reports;
    this.acks = acks;
    this.interval = Duration.ofSeconds(1).toNanos() / perThreadRate;
    this.readYourWrites = readYourWrites;
  }

  /** A report with one section, its commands recorded. */
  public static Report createReport(Api api, String prefix, Queue<Ack> acks) throws IOException {
    String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Answer created = api.post("secretary", "/api/reports", Map.of(
        "reportId", id, "body", "Fault injection", "sessionNumber", 1, "title", "Report " + id,
        "venue", "online", "startDate", "2025-01-01", "endDate", "2025-01-02", "language", "en",
        "memberEntities", List.of("ITU", "WMO", "OOSA", "UNODC")));
    require(created, "create report " + id);
    acks.add(new Ack(id, created.position(), null));
    Api.Answer section = api.post("secretary", "/api/reports/" + id + "/sections", Map.of("chapter", "I", "title", "Work"));
    require(section, "add a section to " + id);
    acks.add(new Ack(id, section.position(), null));
    return new Report(id, section.body().get("sectionId").asText());
  }

  /** The secretary drafts a paragraph; its position once acknowledged, or -1 without an answer. */
  public static long probe(Api api, Report report, String label, Queue<Ack> acks) {
    String text = label + " " + UUID.randomUUID();
    try {
      Api.Answer answer = api.post("secretary", "/api/reports/" + report.id() + "/paragraphs",
          Map.of("sectionId", report.sectionId(), "text", text));
      require(answer, "probe " + label + " of " + report.id());
      acks.add(new Ack(report.id(), answer.position(), text));
      return answer.position();
    } catch (IOException e) {
      return -1;
    }
  }

  private static void require(Api.Answer answer, String what) {
    if (!answer.ok()) {
      throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
    }
  }

  public void start(int threadCount) {
    running = true;
    lastAck.set(System.nanoTime());
    for (int t = 0; t < threadCount; t++) {
      String user = WRITERS[t % WRITERS.length];
      int number = t;
      Thread thread = new Thread(() -> writeUntilStopped(user, number), "workload-" + t);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** Stops the writers and waits for their last commands to be answered (or to time out). */
  public void stop() throws InterruptedException {
    running = false;
    for (Thread thread : threads) {
      thread.join(Duration.ofSeconds(30).toMillis());
    }
    threads.clear();
  }

  /** The longest time no writer had a command acknowledged: how long a fault held writes up. */
  public Duration longestStall() {
    return Duration.ofNanos(longestStall.get());
  }

  /** Acknowledged commands whose read-your-writes read was made. */
  public long readsChecked() {
    return readsChecked.get();
  }

  /** Reads with {@code minPosition} that answered an earlier position, or never answered it. */
  public List<String> staleReads() {
    return List.copyOf(staleReads);
  }

  public long acknowledged() {
    return acknowledged.get();
  }

  public int unknown() {
    return unknown.get();
  }

  /** Waits until the writers have had {@code more} further commands acknowledged. */
  public void awaitMoreAcks(int more, Duration timeout) {
    long target = acknowledged.get() + more;
    Waits.until(more + " more acknowledged commands", timeout, () -> acknowledged.get() >= target);
  }

  private void writeUntilStopped(String user, int number) {
    // Each writer's own paragraphs per report, with the revision it last saw.
    Map<String, Map<String, Integer>> paragraphs = new HashMap<>();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long next = System.nanoTime();
    for (long n = 0; running; n++) {
      // A steady load: the next command's slot, not a wait for some state.
      next += interval;
      LockSupport.parkNanos(next - System.nanoTime());
      Report report = reports.get(random.nextInt(reports.size()));
      Map<String, Integer> own = paragraphs.computeIfAbsent(report.id(), r -> new HashMap<>());
      String text = "w" + number + "-" + n + " " + user + " " + UUID.randomUUID();
      double dice = random.nextDouble();
      try {
        if (own.isEmpty() || dice < 0.35) {
          draft(user, report, own, text);
        } else {
          List<String> ids = new ArrayList<>(own.keySet());
          String paragraphId = ids.get(random.nextInt(ids.size()));
          if (dice < 0.9) {
            revise(user, report, own, paragraphId, text);
          } else {
            submit(user, report, paragraphId);
          }
        }
      } catch (IOException noAnswer) {
        unknown.incrementAndGet();
        // The product may be down: wait (bounded) until it answers again.
        Waits.within(Duration.ofSeconds(5), () -> !running || answers());
      }
    }
  }

  private boolean answers() {
    try {
      return api.get("auditor", "/api/reports").ok();
    } catch (IOException e) {
      return false;
    }
  }

  private void draft(String user, Report report, Map<String, Integer> own, String text) throws IOException {
    Api.Answer answer = api.post(user, "/api/reports/" + report.id() + "/paragraphs",
        Map.of("sectionId", report.sectionId(), "text", text));
    if (answer.ok()) {
      acknowledge(report, answer, text);
      own.put(answer.body().get("paragraphId").asText(), 1);
    } else {
      unknownIfServerError(answer);
    }
  }

  private void revise(String user, Report report, Map<String, Integer> own, String paragraphId, String text)
      throws IOException {
    Api.Answer answer = api.put(user, "/api/reports/" + report.id() + "/paragraphs/" + paragraphId,
        Map.of("text", text, "baseRevision", own.get(paragraphId)));
    if (answer.ok()) {
      acknowledge(report, answer, text);
      own.put(paragraphId, answer.body().get("revision").asInt());
    } else if (answer.status() == 409 && answer.body() != null && answer.body().has("currentRevision")) {
      own.put(paragraphId, answer.body().get("currentRevision").asInt()); // an unknown outcome stored it
    } else {
      unknownIfServerError(answer);
    }
  }

  private void submit(String user, Report report, String paragraphId) throws IOException {
    Api.Answer answer = api.post(user, "/api/reports/" + report.id() + "/paragraphs/" + paragraphId + "/submission", null);
    if (answer.ok()) {
      acknowledge(report, answer, null);
    } else {
      unknownIfServerError(answer); // 409 (already submitted) is a refusal, not a fault
    }
  }

  private void acknowledge(Report report, Api.Answer answer, String text) {
    JsonNode position = answer.body() == null ? null : answer.body().get("position");
    if (position == null) {
      throw new IllegalStateException("an acknowledged command of " + report.id() + " carries no position: " + answer.body());
    }
    acks.add(new Ack(report.id(), position.asLong(), text));
    acknowledged.incrementAndGet();
    long now = System.nanoTime();
    longestStall.accumulateAndGet(now - lastAck.getAndSet(now), Math::max);
    if (readYourWrites) {
      readOwnWrite(report.id(), position.asLong());
    }
  }

  /**
   * Reads the report at the command's position. A 503 (the projection did not get there within
   * the wait) or no answer while a side restarts is asked again, up to a deadline; a 2xx with an
   * earlier position, or no 2xx by the deadline, is a stale read.
   */
  private void readOwnWrite(String reportId, long position) {
    readsChecked.incrementAndGet();
    String[] last = {"no answer"};
    boolean read = Waits.within(READ_YOUR_WRITES_DEADLINE, () -> {
      try {
        Api.Answer answer = api.get("auditor", "/api/reports/" + reportId + "?minPosition=" + position);
        if (answer.ok()) {
          long shown = answer.body().get("position").asLong();
          if (shown < position) {
            staleReads.add(reportId + ": minPosition=" + position + " answered position " + shown);
          }
          return true;
        }
        last[0] = "status " + answer.status();
        return false;
      } catch (IOException e) {
        last[0] = e.toString();
        return false;
      }
    });
    if (!read) {
      staleReads.add(reportId + ": minPosition=" + position + " not answered within " + READ_YOUR_WRITES_DEADLINE
          + " (" + last[0] + ")");
    }
  }

  /** A 5xx may have stored the command or not. */
  private void unknownIfServerError(Api.Answer answer) {
    if (answer.status() >= 500) {
      unknown.incrementAndGet();
    }
  }
}
