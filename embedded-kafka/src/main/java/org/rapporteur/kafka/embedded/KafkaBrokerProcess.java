package org.rapporteur.kafka.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The in-process broker as a process of its own, so that it can be stopped (SIGTERM) or killed
 * (SIGKILL) apart from the product: {@code KafkaBrokerProcess <data directory> <port> [<cluster id>
 * <setting>=<value> ...]}, the settings overriding the single node's (a node of a cluster). It
 * prints {@code READY <bootstrap servers>} once it serves, and on SIGTERM shuts down cleanly.
 */
public final class KafkaBrokerProcess {

  private KafkaBrokerProcess() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 2) {
      System.err.println("usage: KafkaBrokerProcess <data directory> <port> [<cluster id> <setting>=<value> ...]");
      System.exit(2);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (int i = 3; i < args.length; i++) {
      int equals = args[i].indexOf('=');
      settings.put(args[i].substring(0, equals), args[i].substring(equals + 1));
    }
    InProcessKafkaBroker broker = args.length == 2
        ? InProcessKafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]))
        : InProcessKafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), args[2], settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      broker.close();
      stopped.countDown();
    }, "kafka-broker-shutdown"));
    System.out.println("READY " + broker.bootstrapServers());
    System.out.flush();
    stopped.await();
  }
}
