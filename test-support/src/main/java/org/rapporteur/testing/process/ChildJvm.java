package org.rapporteur.testing.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java process started on this test JVM's classpath, its output appended to a log file. Faults
 * reach it as signals: SIGTERM (stop), SIGKILL (kill), SIGSTOP/SIGCONT (freeze/thaw).
 */
public final class ChildJvm {

  private final String name;
  private final List<String> command;
  private final Path log;
  private Process process;

  public ChildJvm(String name, Path directory, List<String> jvmOptions, String mainClass, List<String> args) {
    this(name, directory, launcher(List.of("@" + classpathFile(directory)), jvmOptions, List.of(mainClass), args));
  }

  private ChildJvm(String name, Path directory, List<String> command) {
    this.name = name;
    this.log = directory.resolve(name + ".log");
    this.command = command;
  }

  /** An executable jar, e.g. a side's {@code -exec.jar} as its Dockerfile runs it. */
  public static ChildJvm jar(String name, Path directory, List<String> jvmOptions, Path jar, List<String> args) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ChildJvm(name, directory, launcher(List.of(), jvmOptions, List.of("-jar", jar.toString()), args));
  }

  private static List<String> launcher(List<String> classpath, List<String> jvmOptions, List<String> main,
      List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(classpath);
    command.add("-Daxoniq.update-checker.disabled=true");
    // Small heaps and quick start: the build machine is shared and has two cores. A later
    // -XX option in jvmOptions wins over these (a benchmark wants C2: -XX:TieredStopAtLevel=4).
    command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
    command.addAll(jvmOptions);
    command.addAll(main);
    command.addAll(args);
    return List.copyOf(command);
  }

  /** The classpath in an argument file: it is longer than a command line should be. */
  private static Path classpathFile(Path directory) {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path file = directory.resolve("classpath.args");
    try {
      Files.createDirectories(directory);
      Files.writeString(file, "-cp \"" + classpath.replace("\\", "\\\\") + "\"\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  public void start() {
    if (alive()) {
      throw new IllegalStateException(name + " is already running");
    }
    try {
      Files.writeString(log, "---- start " + java.time.Instant.now() + "\n",
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = new ProcessBuilder(command)
          .directory(log.getParent().toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  /** SIGTERM, and waits for the process to end (SIGKILL if it will not within the timeout). */
  public void stop() {
    if (alive()) {
      process.destroy();
      awaitExit(60);
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  public void kill() {
    if (process != null) {
      process.destroyForcibly();
      awaitExit(30);
    }
  }

  public void freeze() {
    signal("STOP");
  }

  public void thaw() {
    signal("CONT");
  }

  public String name() {
    return name;
  }

  public Path log() {
    return log;
  }

  /** The running process's id, e.g. for {@code jcmd}. */
  public long pid() {
    return process.pid();
  }

  private void signal(String signal) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitExit(int seconds) {
    try {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
