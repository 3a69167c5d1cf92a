package org.rapporteur.embedded;

import java.nio.file.Path;
import org.rapporteur.command.CommandSideApplication;
import org.rapporteur.identity.IdentityConfiguration;
import org.rapporteur.kafka.embedded.InProcessKafkaBroker;
import org.rapporteur.query.QuerySideApplication;
import org.rapporteur.web.WebApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The embedded default: a Kafka broker, the command side and the query side in one JVM, serving
 * the whole API on one port, with H2 and the Kafka log under {@code ./data} so that data survives
 * a restart. The two sides talk only through Kafka, as they do when deployed apart.
 */
@SpringBootApplication
@ComponentScan(
    basePackages = {"org.rapporteur.command", "org.rapporteur.query", "org.rapporteur.embedded"},
    excludeFilters =
        @ComponentScan.Filter(
            type = FilterType.ASSIGNABLE_TYPE,
            classes = {CommandSideApplication.class, QuerySideApplication.class}))
@Import({IdentityConfiguration.class, WebApplication.class})
public class EmbeddedRapporteur {

  private static final String MAX_CACHED_BUFFER = "jdk.nio.maxCachedBufferSize";

  public static void main(String[] args) {
    // Axon's update check calls home; this product runs on closed networks.
    System.setProperty("axoniq.update-checker.disabled", "true");
    // Each thread that writes a heap buffer to a file or socket keeps a direct buffer as large as
    // its largest write, for good: H2 writes chunks of tens of MB, so 32 request threads held
    // 778 MB of native memory and failed with OutOfMemoryError after minutes of drafting
    // (docs/performance.md). Read once, when NIO is first used: here, before anything else.
    if (System.getProperty(MAX_CACHED_BUFFER) == null) {
      System.setProperty(MAX_CACHED_BUFFER, Integer.toString(1 << 20));
    }
    SpringApplication application = new SpringApplication(EmbeddedRapporteur.class);
    application.setAdditionalProfiles("embedded");
    // "external": a broker run apart (rapporteur.kafka.bootstrap-servers), e.g. to stop it alone.
    String kafka = System.getProperty("rapporteur.embedded.kafka", System.getenv("RAPPORTEUR_EMBEDDED_KAFKA"));
    InProcessKafkaBroker broker = null;
    if (!"external".equals(kafka)) {
      Path data = Path.of(System.getProperty("rapporteur.embedded.data-directory", "./data"));
      int kafkaPort = Integer.getInteger("rapporteur.embedded.kafka-port", 9092);
      broker = InProcessKafkaBroker.start(data, kafkaPort);
      application.setDefaultProperties(
          java.util.Map.of("rapporteur.kafka.bootstrap-servers", broker.bootstrapServers()));
    }
    ConfigurableApplicationContext context = application.run(args);
    // The broker outlives the applications that use it, and stops after them.
    InProcessKafkaBroker ownBroker = broker;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      context.close();
      if (ownBroker != null) {
        ownBroker.close();
      }
    }, "rapporteur-shutdown"));
  }
}
