package org.rapporteur.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Drafting and revising paragraphs across a set of reports, over HTTP as the secretary. Each
 * client owns the paragraphs it drafted and revises only those, so no command meets a stale
 * revision and every answer should be 2xx.
 */
final class CommandLoad {

  private static final String TEXT = "The Meeting noted with appreciation the information provided by the"
      + " entities of the United Nations system on their activities related to the use of space-derived"
      + " geospatial data for sustainable development, in particular ";
  private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(2);

  record Report(String id, String sectionId) {}

  /** A paragraph a client drafted, with the revision it last saw. */
  private static final class Paragraph {
    final Report report;
    final String id;
    int revision;

    Paragraph(Report report, String id, int revision) {
      this.report = report;
      this.id = id;
      this.revision = revision;
    }
  }

  /** One client's paragraphs; used by one thread at a time. */
  static final class Client {
    final List<Paragraph> paragraphs = new ArrayList<>();
    final SplittableRandom random;

    Client(long seed) {
      random = new SplittableRandom(seed);
    }
  }

  /** A command's answer: where the report stands after it. */
  record Answer(String reportId, long position) {}

  record ClosedResult(long commands, long errors, double seconds, Histogram latencyMicros) {
    double perSecond() {
      return commands / seconds;
    }
  }

  record OpenResult(long commands, long errors, long unreadable, double rate, Histogram commandMicros,
      Histogram lagMicros) {}

  private final Api api;
  private final List<Report> reports;
  final List<Client> clients = new ArrayList<>();
  /** The highest position an answer gave for each report. */
  private final Map<String, Long> answered = new ConcurrentHashMap<>();

  CommandLoad(Api api, List<Report> reports, int clients) {
    this.api = api;
    this.reports = reports;
    for (int i = 0; i < clients; i++) {
      this.clients.add(new Client(i));
    }
  }

  /** {@code count} reports, each with one section, created from eight connections at once. */
  static List<Report> createReports(Api api, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Report>> created = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = i;
      created.add(pool.submit(() -> {
        String id = api.post("secretary", "/api/reports", Map.of(
            "body", "Benchmark", "sessionNumber", n + 1, "title", "Report " + n, "venue", "Vienna",
            "startDate", "2025-06-02", "endDate", "2025-06-06", "language", "en"))
            .expectOk("create report").json().get("reportId").asText();
        String section = api.post("secretary", "/api/reports/" + id + "/sections",
            Map.of("chapter", "I", "title", "Matters of substance")).expectOk("add section")
            .json().get("sectionId").asText();
        return new Report(id, section);
      }));
    }
    List<Report> reports = new ArrayList<>();
    for (Future<Report> report : created) {
      reports.add(report.get());
    }
    pool.shutdown();
    return reports;
  }

  /**
   * One command of the mix: half the time a new paragraph in a random report, half the time a
   * revision of one of this client's paragraphs. Null when the product refused it.
   */
  Answer command(Client client) {
    SplittableRandom random = client.random;
    String text = TEXT + Long.toHexString(random.nextLong());
    if (client.paragraphs.isEmpty() || random.nextBoolean()) {
      Report report = reports.get(random.nextInt(reports.size()));
      Api.Response r = api.post("secretary", "/api/reports/" + report.id() + "/paragraphs",
          Map.of("sectionId", report.sectionId(), "text", text));
      if (!r.ok()) {
        return null;
      }
      JsonNode json = r.json();
      client.paragraphs.add(new Paragraph(report, json.get("paragraphId").asText(), json.get("revision").asInt()));
      return answered(report.id(), json.get("position").asLong());
    }
    Paragraph p = client.paragraphs.get(random.nextInt(client.paragraphs.size()));
    Api.Response r = api.put("secretary", "/api/reports/" + p.report.id() + "/paragraphs/" + p.id,
        Map.of("text", text, "baseRevision", p.revision));
    if (!r.ok()) {
      return null;
    }
    JsonNode json = r.json();
    p.revision = json.get("revision").asInt();
    return answered(p.report.id(), json.get("position").asLong());
  }

  private Answer answered(String reportId, long position) {
    answered.merge(reportId, position, Math::max);
    return new Answer(reportId, position);
  }

  /**
   * Waits until every report reads at the last position a command answered: what a closed run
   * left for the publisher and the projector to do, which the next run would otherwise pay for.
   */
  void awaitProjected(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    answered.forEach((reportId, position) -> {
      // The query side answers 503 when the position is not reached within its own wait; ask again.
      while (api.get("auditor", "/api/reports/" + reportId + "?minPosition=" + position).status() != 200) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("report " + reportId + " not readable at position " + position
              + " within " + timeout);
        }
      }
    });
  }

  /**
   * Warms the product up: two thirds of the time from four connections, which leaves the JIT
   * compilers CPU to catch up (under full load their two threads share two cores with 32 request
   * threads, the database and the broker), then from all of them, so the measured run starts at
   * full load.
   */
  void warmUp(Duration duration) throws Exception {
    closed(duration.multipliedBy(2).dividedBy(3), Long.MAX_VALUE, clients.subList(0, Math.min(4, clients.size())));
    closed(duration.dividedBy(3), Long.MAX_VALUE, clients);
  }

  /** Closed model: every client sends its next command as soon as the last one answered. */
  ClosedResult closed(Duration duration, long maxCommands) throws Exception {
    return closed(duration, maxCommands, clients);
  }

  private ClosedResult closed(Duration duration, long maxCommands, List<Client> clients) throws Exception {
    ConcurrentHistogram latency = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);
    AtomicLong done = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    List<Future<?>> workers = new ArrayList<>();
    for (Client client : clients) {
      workers.add(pool.submit(() -> {
        while (System.nanoTime() < deadline && done.get() + errors.get() < maxCommands) {
          long t0 = System.nanoTime();
          if (command(client) == null) {
            errors.incrementAndGet();
          } else {
            latency.recordValue(Math.min(MAX_LATENCY_MICROS, (System.nanoTime() - t0) / 1000));
            done.incrementAndGet();
          }
        }
        return null;
      }));
    }
    RawBaselines.awaitAll(workers);
    double seconds = RawBaselines.seconds(start);
    pool.shutdown();
    return new ClosedResult(done.get(), errors.get(), seconds, latency);
  }

  /**
   * Open model: commands arrive at a constant rate whatever the answers do, and a command's
   * latency counts from when it was due, so a slow answer cannot hide the ones queued behind it.
   * With {@code readBack}, after each answer the draft is read with {@code minPosition} of that
   * answer: the time from the answer to the readable draft is the answer-to-readable lag. Those
   * reads cost the product as much as the commands (a whole draft each), so commands alone at
   * half the peak are a run of their own.
   */
  OpenResult open(double perSecond, Duration duration, boolean readBack) throws Exception {
    ConcurrentHistogram commandMicros = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);
    ConcurrentHistogram lagMicros = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);
    AtomicLong errors = new AtomicLong();
    AtomicLong unreadable = new AtomicLong();
    BlockingQueue<Client> idle = new ArrayBlockingQueue<>(clients.size(), false, clients);
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    long arrivals = Math.max(1, (long) (perSecond * duration.toSeconds()));
    long interval = (long) (1e9 / perSecond);
    long start = System.nanoTime();
    List<Future<?>> tasks = new ArrayList<>();
    for (long i = 0; i < arrivals; i++) {
      long due = start + i * interval;
      LockSupport.parkNanos(due - System.nanoTime()); // the arrival schedule, not a wait for a condition
      tasks.add(pool.submit(() -> {
        Client client = idle.take();
        try {
          Answer answer = command(client);
          long answered = System.nanoTime();
          if (answer == null) {
            errors.incrementAndGet();
            return null;
          }
          commandMicros.recordValue(Math.min(MAX_LATENCY_MICROS, (answered - due) / 1000));
          if (!readBack) {
            return null;
          }
          Api.Response read = api.get("auditor", "/api/reports/" + answer.reportId() + "?minPosition=" + answer.position());
          if (read.status() != 200) {
            unreadable.incrementAndGet();
          }
          lagMicros.recordValue(Math.min(MAX_LATENCY_MICROS, (System.nanoTime() - answered) / 1000));
        } finally {
          idle.put(client);
        }
        return null;
      }));
    }
    RawBaselines.awaitAll(tasks);
    pool.shutdown();
    return new OpenResult(commandMicros.getTotalCount(), errors.get(), unreadable.get(), perSecond,
        commandMicros, lagMicros);
  }
}
