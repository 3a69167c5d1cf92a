package org.rapporteur.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rapporteur.kafka.embedded.InProcessKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker per test JVM: a Testcontainers broker where a Docker engine runs, else
 * the in-process KRaft broker from Maven Central's artifacts. Started on first use, stopped when
 * the JVM exits.
 */
public final class TestKafka {

  private static final Logger log = LoggerFactory.getLogger(TestKafka.class);
  private static String bootstrapServers;

  private TestKafka() {}

  /** {@code bootstrap.servers} of the shared test broker. */
  public static synchronized String bootstrapServers() {
    if (bootstrapServers == null) {
      bootstrapServers = dockerAvailable() ? startContainer() : startInProcess();
    }
    return bootstrapServers;
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String startContainer() {
    KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
    kafka.start();
    Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop));
    log.info("Tests use a Kafka container at {}", kafka.getBootstrapServers());
    return kafka.getBootstrapServers();
  }

  private static String startInProcess() {
    try {
      Path data = Files.createTempDirectory("rapporteur-test-kafka");
      InProcessKafkaBroker broker = InProcessKafkaBroker.start(data, 0);
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
      log.info("No Docker engine: tests use an in-process Kafka broker at {}", broker.bootstrapServers());
      return broker.bootstrapServers();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
