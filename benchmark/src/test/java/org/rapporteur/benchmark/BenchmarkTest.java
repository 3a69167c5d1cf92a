package org.rapporteur.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

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
    Map<String, String> durability = Postgres.durability();
    step("raw PostgreSQL inserts");
    double rawInserts = RawBaselines.insertsPerSecond(database("raw"), 8, settings.rawInsert(), 5_000_000);

    try (ChildProduct product = new ChildProduct("product-postgresql", work.resolve("postgresql"), database("product"))) {
      step("starting the product on PostgreSQL");
      product.start();
      step("raw Kafka produce and consume");
      RawBaselines.KafkaRates kafka = RawBaselines.kafka(product.bootstrapServers(), settings.kafkaRecords());

      step("commands on PostgreSQL: warm-up, peak, open model at half the peak");
      CommandLoad load = new CommandLoad(product.api(), CommandLoad.createReports(product.api(), settings.reports()),
          settings.clients());
      load.closed(settings.warmUp(), Long.MAX_VALUE);
      record(product, "commands", true);
      CommandLoad.ClosedResult peak = load.closed(settings.peak(), 1_000_000);
      record(product, "commands", false);
      CommandLoad.OpenResult halfPeak = load.open(peak.perSecond() / 2, settings.open());

      step("a report of " + settings.largeParagraphs() + " paragraphs");
      LargeReport.Figures large = LargeReport.measure(product.api(), settings.largeParagraphs(), settings.largeSamples());

      step("a full projection rebuild of " + settings.rebuildEvents() + " events written to the topic");
      Rebuild.Figures rebuild = Rebuild.run(product, settings.rebuildReports(), settings.rebuildEventsPerReport(),
          () -> record(product, "rebuild", true), () -> record(product, "rebuild", false));

      step("a report of " + settings.loadEvents() + " events loaded by the command side");
      ReportLoad.Figures reportLoad = ReportLoad.measure(database("load"), product.bootstrapServers(), settings.loadEvents());
      double heap = product.heapAfterGcMib();
      // Stopped before the embedded default starts, so that the two do not share the CPU.
      product.close();

      CommandLoad.ClosedResult embedded = settings.embedded() ? embedded() : null;
      return new Results(settings, durability, rawInserts, kafka, peak, halfPeak, embedded, large, rebuild,
          reportLoad, heap, RawBaselines.seconds(start));
    }
  }

  private CommandLoad.ClosedResult embedded() throws Exception {
    step("commands on the embedded default (H2)");
    try (ChildProduct h2 = new ChildProduct("product-h2", work.resolve("h2"), null)) {
      h2.start();
      CommandLoad load = new CommandLoad(h2.api(), CommandLoad.createReports(h2.api(), settings.reports()),
          settings.clients());
      load.closed(settings.warmUp(), Long.MAX_VALUE);
      return load.closed(settings.peak(), 1_000_000);
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
