package org.rapporteur.kafka.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The in-process broker as a process of its own, so that it can be stopped (SIGTERM) or killed
 * (SIGKILL) apart from the product: {@code KafkaBrokerProcess <data directory> <port>}. It prints
 * {@code READY <bootstrap servers>} once it serves, and on SIGTERM shuts down cleanly.
 */
public final class KafkaBrokerProcess {

  private KafkaBrokerProcess() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: KafkaBrokerProcess <data directory> <port>");
      System.exit(2);
    }
    InProcessKafkaBroker broker = InProcessKafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]));
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
