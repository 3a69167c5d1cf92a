package org.rapporteur.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default (its in-process broker, both sides, one port) as a child JVM on this
 * module's test classpath, so that the load generator does not share its CPU time and heap
 * figures. On main the product cannot yet run against an external broker; once the
 * fault-injection branch (its launcher and {@code rapporteur.embedded.kafka=external}) is merged,
 * this should give way to that launcher, moved to test-support.
 */
final class ChildProduct implements AutoCloseable {

  final String name;
  final int port = freePort();
  final int kafkaPort = freePort();
  private final Path directory;
  private final List<String> command = new ArrayList<>();
  private Process process;

  /** {@code database} is a JDBC URL; null keeps the embedded default's H2 file under the directory. */
  ChildProduct(String name, Path directory, String database) {
    this.name = name;
    this.directory = directory;
    Path data = directory.resolve("data");
    command.add(javaTool("java"));
    command.addAll(List.of(
        "-Xmx768m", "-XX:+UseSerialGC",
        "-Daxoniq.update-checker.disabled=true",
        "-Drapporteur.embedded.data-directory=" + data,
        "-Drapporteur.embedded.kafka-port=" + kafkaPort));
    command.addAll(launch(directory));
    command.addAll(List.of(
        "--server.port=" + port,
        "--server.address=127.0.0.1",
        "--rapporteur.demo.enabled=false",
        "--logging.level.root=WARN"));
    // Settings to try without a code change, e.g. -Dbenchmark.product.args=--axon.timeout.enabled=false
    String extra = System.getProperty("benchmark.product.args", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    if (database != null) {
      command.addAll(List.of(
          "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
          "--spring.datasource.password="));
    } else {
      command.add("--spring.datasource.url=jdbc:h2:file:" + data.resolve("rapporteur")
          + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    }
  }

  String bootstrapServers() {
    return "localhost:" + kafkaPort;
  }

  Api api() {
    return new Api(port);
  }

  long pid() {
    return process.pid();
  }

  /** Starts the product on an empty data directory: a topic left by an earlier run would skew every figure. */
  void start() {
    try {
      deleteRecursively(directory.resolve("data"));
      Files.createDirectories(directory);
      process = new ProcessBuilder(command)
          .directory(directory.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
    Api api = api();
    Waits.until(name + " answering on " + port, Duration.ofSeconds(240), () -> {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited; see " + log());
      }
      try {
        return api.get("auditor", "/api/reports").status() == 200;
      } catch (IOException e) {
        return false;
      }
    });
  }

  Path log() {
    return directory.resolve(name + ".log");
  }

  /** Runs {@code jcmd <pid> <arguments>} and returns what it printed. */
  String jcmd(String... arguments) {
    List<String> jcmd = new ArrayList<>(List.of(javaTool("jcmd"), Long.toString(pid())));
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

  /** Starts a JFR recording with the profiling settings; {@link #stopRecording} writes it. */
  void startRecording(String recording) {
    jcmd("JFR.start", "name=" + recording, "settings=profile");
  }

  Path stopRecording(String recording) {
    Path file = directory.resolve(recording + ".jfr");
    jcmd("JFR.stop", "name=" + recording, "filename=" + file);
    return file;
  }

  /** Heap in use after a full collection, in MiB. */
  double heapAfterGcMib() {
    jcmd("GC.run");
    // "def new generation total 1234K, used 567K" ... one "used" per space; their sum is the heap in use.
    String info = jcmd("GC.heap_info");
    java.util.regex.Matcher used = java.util.regex.Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
    long kib = 0;
    while (used.find()) {
      kib += Long.parseLong(used.group(1));
    }
    return kib / 1024.0;
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (Files.exists(path)) {
      try (var paths = Files.walk(path)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static String javaTool(String tool) {
    return Path.of(System.getProperty("java.home"), "bin", tool).toString();
  }

  /**
   * The product as it ships, embedded's runnable jar, where the build packaged it; else (tests run
   * before packaging) its main class on this JVM's classpath.
   */
  private static List<String> launch(Path directory) {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      String file = path.getFileName().toString();
      if (file.startsWith("embedded-") && file.endsWith(".jar") && !file.startsWith("embedded-kafka")) {
        return List.of("-jar", entry);
      }
    }
    return List.of("@" + classpathFile(directory, classpath), "org.rapporteur.embedded.EmbeddedRapporteur");
  }

  /** The classpath in an argument file: it is longer than a command line should be. */
  private static Path classpathFile(Path directory, String classpath) {
    Path file = directory.resolve("classpath.args");
    try {
      Files.createDirectories(directory);
      Files.writeString(file, "-cp \"" + classpath.replace("\\", "\\\\") + "\"\n",
          StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
