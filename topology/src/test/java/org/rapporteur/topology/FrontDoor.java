package org.rapporteur.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rapporteur.testing.load.Api;
import org.rapporteur.testing.load.Waits;
import org.rapporteur.testing.process.Ports;

/**
 * The front door: Debian's nginx run with compose's own {@code deploy/front-door/nginx.conf},
 * copied as it is. Only the two files it includes differ: {@code upstreams.conf}, compose's with
 * each service's address replaced by the instance's loopback port, and {@code listen.conf}.
 */
final class FrontDoor {

  static final Path NGINX = Path.of("/usr/sbin/nginx");
  private static final Pattern SERVER = Pattern.compile("server\\s+([\\w-]+):(\\d+)");

  final int port = Ports.free();
  private final Path directory;
  private Process process;

  FrontDoor(Path directory) {
    this.directory = directory;
  }

  /**
   * Whether nginx is installed. Missing on CI ({@code CI=true}) fails; elsewhere the caller skips,
   * saying how to install it.
   */
  static boolean installed() {
    if (Files.isExecutable(NGINX)) {
      return true;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI must run the topology harness, but " + NGINX
          + " is missing: apt-get install -y nginx (.ci/run does)");
    }
    System.out.println("SKIPPED topology harness: " + NGINX + " is missing; install it with"
        + " `apt-get install -y --no-install-recommends nginx` (README, Production topology)");
    return false;
  }

  /** Writes the configuration for these instances and starts nginx; waits until it proxies. */
  void start(Path deploy, Map<String, Integer> instancePorts) throws IOException {
    Files.createDirectories(directory);
    Path source = deploy.resolve("front-door");
    Files.copy(source.resolve("nginx.conf"), directory.resolve("nginx.conf"), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(directory.resolve("upstreams.conf"), upstreams(Files.readString(source.resolve("upstreams.conf")), instancePorts));
    Files.writeString(directory.resolve("listen.conf"), "listen 127.0.0.1:" + port + ";\n");
    List<String> command = List.of(NGINX.toString(), "-c", directory.resolve("nginx.conf").toString(),
        "-p", directory.toString(), "-e", directory.resolve("error.log").toString(),
        "-g", "daemon off; pid " + directory.resolve("nginx.pid") + ";" + (root() ? " user root;" : ""));
    test(command);
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("nginx.log").toFile())).start();
    Api api = new Api(port);
    Waits.until("nginx on " + port, Duration.ofSeconds(30), () -> {
      if (!process.isAlive()) {
        throw new IllegalStateException("nginx exited; see " + directory.resolve("nginx.log"));
      }
      try {
        return api.get("auditor", "/api/reports").ok();
      } catch (IOException e) {
        return false;
      }
    });
  }

  /**
   * Compose's upstreams with each {@code service:port} replaced by the instance's address; every
   * service named must be an instance of the harness and every instance must be named.
   */
  static String upstreams(String compose, Map<String, Integer> instancePorts) {
    Matcher server = SERVER.matcher(compose);
    StringBuilder out = new StringBuilder();
    Set<String> named = new HashSet<>();
    while (server.find()) {
      Integer port = instancePorts.get(server.group(1));
      if (port == null) {
        throw new IllegalStateException("upstreams.conf names " + server.group(1) + ", which the harness does not run");
      }
      named.add(server.group(1));
      server.appendReplacement(out, "server 127.0.0.1:" + port);
    }
    server.appendTail(out);
    if (!named.equals(instancePorts.keySet())) {
      throw new IllegalStateException("upstreams.conf names " + named + ", the harness runs " + instancePorts.keySet());
    }
    return out.toString();
  }

  private void test(List<String> command) throws IOException {
    List<String> test = new ArrayList<>(command);
    test.add(1, "-t");
    Process check = new ProcessBuilder(test).redirectErrorStream(true).start();
    try {
      String output = new String(check.getInputStream().readAllBytes());
      if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
        throw new IllegalStateException("nginx -t refused the configuration:\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Api api() {
    return new Api(port);
  }

  void stop() {
    if (process != null && process.isAlive()) {
      process.destroy(); // SIGTERM: nginx's fast shutdown
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Workers run as root when nginx is started as root: the harness's files are not nobody's. */
  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }
}
