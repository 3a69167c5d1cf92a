package org.rapporteur.embedded.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.rapporteur.testing.TestKafka;

/**
 * How long a client waits to read its own write: from a command's answer to its record on Kafka,
 * and to the draft answering {@code minPosition} for it. Printed, not asserted: timing depends on
 * the machine.
 */
class ReadYourWritesLatencyTest extends CommandApiTest {

  private static final int COMMANDS = 200;

  @Test
  void everyAcceptedCommandBecomesReadableAndTheLatencyIsPrinted() throws Exception {
    String r = newReport();
    String s = section(r);
    Map<Long, Long> onKafka = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    Thread watcher = watchKafka(r, onKafka, stop);
    position(r, CREATED + 1);
    List<Long> toKafka = new ArrayList<>();
    List<Long> toReadable = new ArrayList<>();
    for (int i = 0; i < COMMANDS; i++) {
      long position =
          positionOf(http().post("itu", "/api/reports/" + r + "/paragraphs", "{\"sectionId\":\"" + s + "\",\"text\":\"Paragraph " + i + ".\"}"));
      long answered = System.nanoTime();
      assertThat(position(r, position)).isGreaterThanOrEqualTo(position);
      toReadable.add(System.nanoTime() - answered);
      // Missing when the watcher, an ordinary outside consumer, saw the record after the projector did.
      Long recorded = onKafka.get(position);
      if (recorded != null) {
        toKafka.add(recorded - answered);
      }
    }
    stop.set(true);
    watcher.join();
    System.out.printf("read-your-writes over %d commands: answer->Kafka %s; answer->readable %s%n", COMMANDS, summary(toKafka), summary(toReadable));
  }

  /** Records when each position of the report arrives on the topic, as a client sees it. */
  private Thread watchKafka(String reportId, Map<Long, Long> arrivals, AtomicBoolean stop) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "latency-" + reportId);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    Thread thread =
        new Thread(
            () -> {
              try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (!stop.get()) {
                  for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    if (reportId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                      String position = new String(record.headers().lastHeader("ce_position").value(), StandardCharsets.UTF_8);
                      arrivals.putIfAbsent(Long.parseLong(position), now);
                    }
                  }
                }
              }
            },
            "latency-watcher");
    thread.start();
    return thread;
  }

  private static String summary(List<Long> nanos) {
    if (nanos.isEmpty()) {
      return "no samples";
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return String.format(
        "median %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)",
        millis(sorted.get(sorted.size() / 2)),
        millis(sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1)),
        millis(sorted.get(sorted.size() - 1)),
        sorted.size());
  }

  private static double millis(long nanos) {
    return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
  }
}
