package org.rapporteur.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the figures were taken on: they hold for this machine only, the ratios travel better. */
final class Machine {

  private Machine() {}

  static ObjectNode describe() {
    ObjectNode machine = Api.JSON.createObjectNode();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("memory_mib", memoryMib());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    cpuModel().ifPresent(cpu -> machine.put("cpu", cpu));
    loadAverage().ifPresent(load -> machine.put("load_average_at_end", load));
    return machine;
  }

  static long memoryMib() {
    return readFirst("/proc/meminfo", "MemTotal:").map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).orElse(-1L);
  }

  private static Optional<String> cpuModel() {
    return readFirst("/proc/cpuinfo", "model name").map(l -> l.substring(l.indexOf(':') + 1).trim());
  }

  /** The 1, 5 and 15 minute load averages: a busy machine's figures are not a quiet one's. */
  static Optional<String> loadAverage() {
    try {
      return Optional.of(Files.readString(Path.of("/proc/loadavg")).trim());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> readFirst(String file, String prefix) {
    try {
      return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
