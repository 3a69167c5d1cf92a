package org.rapporteur.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rapporteur.embedded.EmbeddedRapporteur;
import org.rapporteur.testing.Await;
import org.rapporteur.testing.process.Broker;
import org.rapporteur.testing.process.ChildJvm;
import org.rapporteur.testing.process.Ports;

/**
 * The embedded default (both sides, one port) as a child JVM against the benchmark's broker
 * process, so that neither the load generator nor the broker shares its CPU time and heap. JFR
 * recordings and heap figures are taken from outside with {@code jcmd}.
 */
final class ChildProduct implements AutoCloseable {

  private final int port = Ports.free();
  private final Path directory;
  private final ChildJvm jvm;

  /** {@code database} is a PostgreSQL JDBC URL; null keeps the embedded default's own H2 file and its settings. */
  ChildProduct(String name, Path directory, Broker broker, String topic, String database) {
    this.directory = directory;
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + port,
        "--server.address=127.0.0.1",
        "--rapporteur.kafka.bootstrap-servers=" + broker.bootstrapServers(),
        "--rapporteur.kafka.topic=" + topic,
        "--rapporteur.demo.enabled=false",
        "--logging.level.root=WARN"));
    if (database != null) {
      args.addAll(List.of("--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
          "--spring.datasource.password="));
    }
    // Settings to try without a code change, e.g. -Dbenchmark.product.args=--axon.timeout.enabled=false
    String extra = System.getProperty("benchmark.product.args", "").trim();
    if (!extra.isEmpty()) {
      args.addAll(List.of(extra.split("\\s+")));
    }
    jvm = new ChildJvm(name, directory, ChildProduct.productionJvm("-Xmx768m", "-Drapporteur.embedded.kafka=external"),
        EmbeddedRapporteur.class.getName(), args);
  }

  /**
   * The JVM as production runs it, not as the test launcher does (serial collector and C1, for a
   * quick start on a shared machine): C2, and G1, the collector the JVM picks by itself on two or
   * more cores (the Dockerfiles set no collector). Kafka's own start scripts use G1 too.
   */
  static List<String> productionJvm(String... more) {
    List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=4", "-XX:-UseSerialGC", "-XX:+UseG1GC"));
    options.addAll(List.of(more));
    return options;
  }

  Api api() {
    return new Api(port);
  }

  void start() {
    jvm.start();
    Api api = api();
    Await.until(jvm.name() + " answering on " + port, Duration.ofMinutes(4), () -> {
      if (!jvm.alive()) {
        throw new IllegalStateException(jvm.name() + " exited; see " + jvm.log());
      }
      try {
        return api.get("auditor", "/api/reports").status() == 200;
      } catch (UncheckedIOException e) {
        return false;
      }
    });
  }

  /** Runs {@code jcmd <pid> <arguments>} and returns what it printed. */
  String jcmd(String... arguments) {
    List<String> jcmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(jvm.pid())));
    jcmd.addAll(List.of(arguments));
    try {
      Process p = new ProcessBuilder(jcmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + String.join(" ", arguments) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Turns the profiling events on for good, in a recording that keeps only its last half minute
   * and is never written. Turning them on instruments JDK classes (file and socket events), which
   * throws away compiled code: done at the start of a measured step, it made the product recompile
   * through the step and cut its peak by half or more (126 to 207 commands/s with a recording
   * started there, 470 to 485 without one). The recordings of the steps then change nothing.
   */
  void enableProfiling() {
    jcmd("JFR.start", "name=enabled-throughout", "settings=profile", "maxage=30s");
  }

  /** Starts a JFR recording with the profiling settings; {@link #stopRecording} writes it. */
  void startRecording(String recording) {
    jcmd("JFR.start", "name=" + recording, "settings=profile");
  }

  Path stopRecording(String recording) {
    Path file = directory.resolve(recording + ".jfr");
    jcmd("JFR.stop", "name=" + recording, "filename=" + file);
    return file;
  }

  /**
   * Milliseconds the JIT compilers have spent so far (HotSpot's {@code java.ci.totalTime}): taken
   * around the peak, it shows whether the warm-up left the product compiled.
   */
  double jitCompileMillis() {
    String counters = jcmd("PerfCounter.print");
    return counter(counters, "java.ci.totalTime") * 1000.0 / counter(counters, "sun.os.hrt.frequency");
  }

  private static long counter(String counters, String name) {
    Matcher value = Pattern.compile("(?m)^" + Pattern.quote(name) + "=(\\d+)").matcher(counters);
    if (!value.find()) {
      throw new IllegalStateException("jcmd PerfCounter.print has no " + name);
    }
    return Long.parseLong(value.group(1));
  }

  /** Heap in use after a full collection, in MiB. */
  double heapAfterGcMib() {
    jcmd("GC.run");
    // G1: "garbage-first heap total 1234K, used 567K"; the serial collector prints a line per
    // generation in the same form. Their sum is the heap in use.
    Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(jcmd("GC.heap_info"));
    long kib = 0;
    while (used.find()) {
      kib += Long.parseLong(used.group(1));
    }
    return kib / 1024.0;
  }

  @Override
  public void close() {
    jvm.stop();
  }
}
