package org.rapporteur.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessKafkaBrokerTest {

  @TempDir Path data;

  @Test
  void recordsWrittenBeforeARestartAreReadAfterIt() throws Exception {
    int port;
    try (InProcessKafkaBroker broker = InProcessKafkaBroker.start(data, 0)) {
      port = Integer.parseInt(broker.bootstrapServers().split(":")[1]);
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("restart-test", 1, (short) 1))).all().get();
      }
      try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
        producer.send(new ProducerRecord<>("restart-test", "r1", "before")).get();
      }
    }
    try (InProcessKafkaBroker broker = InProcessKafkaBroker.start(data, port);
        KafkaConsumer<String, String> consumer = consumer(broker.bootstrapServers())) {
      consumer.subscribe(List.of("restart-test"));
      List<String> values = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
      assertThat(values).containsExactly("before");
    }
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    return new KafkaProducer<>(
        Map.of("bootstrap.servers", bootstrap, "acks", "all"), new StringSerializer(), new StringSerializer());
  }

  private static KafkaConsumer<String, String> consumer(String bootstrap) {
    return new KafkaConsumer<>(
        Map.of("bootstrap.servers", bootstrap, "group.id", "restart-test", "auto.offset.reset", "earliest"),
        new StringDeserializer(),
        new StringDeserializer());
  }
}
