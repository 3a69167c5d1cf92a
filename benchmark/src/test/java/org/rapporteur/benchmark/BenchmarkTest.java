package org.rapporteur.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.rapporteur.testing.process.Broker;

/**
 * Issue 15's benchmark in one run: raw PostgreSQL and raw Kafka, then the product over HTTP on
 * PostgreSQL and on the embedded default, on this machine. By default a smoke run with small sizes
 * that proves the harness; {@code -Dbenchmark.full=true} runs the full sizes. Asserts nothing
 * about speed, only that the product answered every command.
 */
class BenchmarkTest {

  private final Settings settings = Settings.of(Boolean.getBoolean("benchmark.full"));
  private final boolean jfr = Boolean.getBoolean("benchmark.jfr");
  private final Path work = Path.of("target", "benchmark-run").toAbsolutePath();
  private final Path output = Path.of(System.getProperty("benchmark.output", System.getProperty("user.dir")));
  private final List<String> databases = new ArrayList<>();

  @Test
  void productAgainstRawPostgresAndKafka() throws Exception {
    requirePostgres();
    long start = System.nanoTime();
    try {
      Results results = run(start);
      System.out.println(results.table());
      Files.writeString(output.resolve("benchmark-results.json"),
          Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results.json()));
      Files.writeString(output.resolve("benchmark-chart.svg"), results.svg());
      System.out.println("Wrote " + output.resolve("benchmark-results.json") + " and " + output.resolve("benchmark-chart.svg"));
      assertThat(results.errors()).as("commands the product refused").isZero();
    } finally {
      databases.forEach(Postgres::drop);
    }
  }

  private Results run(long start) throws Exception {
    deleteRecursively(work);
    Map<String, String> durability = Postgres.durability();
    step("raw PostgreSQL inserts");
    double rawInserts = RawBaselines.insertsPerSecond(database("raw"), 8, settings.rawInsert(), 5_000_000);

    // One broker process for the whole run, its JVM as in production.
    Broker broker = new Broker(work.resolve("broker"), ChildProduct.productionJvm("-Xmx512m"));
    try {
      step("starting the Kafka broker; raw Kafka produce and consume");
      broker.start();
      RawBaselines.KafkaRates kafka = RawBaselines.kafka(broker.bootstrapServers(), settings.kafkaRecords());

      ChildProduct product = new ChildProduct("product-postgresql", work.resolve("postgresql"), broker,
          "rapporteur.report-events", database("product"));
      CommandLoad.ClosedResult peak;
      double peakJitMillis;
      CommandLoad.OpenResult halfPeak;
      CommandLoad.OpenResult readBack;
      LargeReport.Figures large;
      Rebuild.Figures rebuild;
      ReportLoad.Figures reportLoad;
      double heap;
      try (product) {
        step("starting the product on PostgreSQL");
        product.start();
        if (jfr) {
          product.enableProfiling(); // before the warm-up, which then compiles the code JFR instruments
        }
        step("commands on PostgreSQL: warm-up, peak, open model at half the peak");
        CommandLoad load = warmedUp(product.api());
        record(product, "commands", true);
        double jitBefore = product.jitCompileMillis();
        peak = load.closed(settings.peak(), 1_000_000);
        peakJitMillis = product.jitCompileMillis() - jitBefore;
        record(product, "commands", false);
        load.awaitProjected(Duration.ofMinutes(2));
        // On fresh reports too: half of a peak taken on small reports overran the product on the
        // reports that peak had grown (p50 1.5 s of queueing).
        CommandLoad open = fresh(product.api());
        halfPeak = open.open(peak.perSecond() / 2, settings.open(), false);
        open.awaitProjected(Duration.ofMinutes(2));
        readBack = fresh(product.api()).open(peak.perSecond() / 2, settings.open(), true);

        step("a report of " + settings.largeParagraphs() + " paragraphs");
        large = LargeReport.measure(product.api(), settings.largeParagraphs(), settings.largeSamples());

        step("a full projection rebuild of " + settings.rebuildEvents() + " events written to the topic");
        rebuild = Rebuild.run(product, broker.bootstrapServers(), "rapporteur.report-events", settings.rebuildReports(),
            settings.rebuildEventsPerReport(), () -> record(product, "rebuild", true),
            () -> record(product, "rebuild", false));

        step("a report of " + settings.loadEvents() + " events loaded by the command side");
        reportLoad = ReportLoad.measure(database("load"), broker.bootstrapServers(), settings.loadEvents());
        heap = product.heapAfterGcMib();
      } // stopped before the embedded default starts, so that the two do not share the CPU

      CommandLoad.ClosedResult embedded = settings.embedded() ? embedded(broker) : null;
      return new Results(settings, durability, rawInserts, kafka, peak, peakJitMillis, halfPeak, readBack, embedded, large, rebuild,
          reportLoad, heap, RawBaselines.seconds(start));
    } finally {
      broker.stop();
    }
  }

  private CommandLoad.ClosedResult embedded(Broker broker) throws Exception {
    step("commands on the embedded default (H2)");
    // A topic of its own: the PostgreSQL product's million events are not this product's.
    try (ChildProduct h2 = new ChildProduct("product-h2", work.resolve("h2"), broker, "rapporteur.report-events-h2", null)) {
      h2.start();
      CommandLoad load = warmedUp(h2.api());
      return load.closed(settings.peak(), 1_000_000);
    }
  }

  /**
   * A load on fresh reports, after a warm-up on reports of its own: each measured run starts on
   * reports of its own, however long the runs before it, since what a projection batch and a
   * draft read cost grows with the report.
   */
  private CommandLoad warmedUp(Api api) throws Exception {
    fresh(api).warmUp(settings.warmUp());
    return fresh(api);
  }

  private CommandLoad fresh(Api api) throws Exception {
    return new CommandLoad(api, CommandLoad.createReports(api, settings.reports()), settings.clients());
  }

  /** Each run starts from empty directories: Kafka data or H2 files left by a run before would skew it. */
  private static void deleteRecursively(Path path) throws IOException {
    if (Files.exists(path)) {
      try (Stream<Path> paths = Files.walk(path)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** With {@code -Dbenchmark.jfr=true}, a JFR recording of the product around a step. */
  private void record(ChildProduct product, String name, boolean begin) {
    if (!jfr) {
      return;
    }
    if (begin) {
      product.startRecording(name);
    } else {
      System.out.println("JFR recording: " + product.stopRecording(name));
    }
  }

  private String database(String name) {
    String url = Postgres.create(name);
    databases.add(url);
    return url;
  }

  private static void step(String what) {
    System.out.printf("%tT benchmark: %s (load average %s)%n", System.currentTimeMillis(), what,
        Machine.loadAverage().orElse("?"));
  }

  /** Skips without the local PostgreSQL, as the suite's PostgreSQL tests do; CI provides one. */
  private static void requirePostgres() {
    if (!Postgres.reachable()) {
      String why = "no PostgreSQL on 127.0.0.1:5432";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI must run the benchmark's smoke run, but " + why);
      }
      Assumptions.abort(why);
    }
  }
}
