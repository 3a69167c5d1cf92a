package org.rapporteur.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.ParagraphDrafted;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphRevised;
import org.rapporteur.shared.report.ReportCreated;
import org.rapporteur.shared.report.ReportEvent;
import org.rapporteur.shared.report.ReportHeader;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.Role;
import org.rapporteur.shared.report.SectionAdded;
import org.rapporteur.shared.report.SectionId;
import org.rapporteur.testing.Await;

/**
 * A full projection rebuild over a topic of at least a million events. To stay within the run's
 * time the events are written straight to the product's topic with a plain producer, in the
 * record format of the command side's publisher, not sent as commands; the live projector
 * projects them first (its catch-up is measured too), then the rebuild projects every record of
 * the topic again.
 */
final class Rebuild {

  private static final Actor SECRETARY = new Actor("secretary", Role.SECRETARY, null);
  private static final String TEXT = "The Meeting noted the information provided by the entities of the United"
      + " Nations system on their activities related to space-derived data, revision ";
  /** Reports written at a time, round robin: a projector batch touches this many reports. */
  private static final int INTERLEAVED = 100;

  record Figures(long eventsWritten, double writeSeconds, double catchUpEventsPerSecond, long eventsApplied,
      double rebuildSeconds) {
    double rebuildEventsPerSecond() {
      return eventsApplied / rebuildSeconds;
    }
  }

  private Rebuild() {}

  /**
   * {@code reports} reports of {@code eventsPerReport} events: created, a section, then paragraphs
   * drafted and revised in turn.
   */
  static Figures run(ChildProduct product, String bootstrapServers, String topic, int reports, int eventsPerReport,
      Runnable beforeRebuild, Runnable afterRebuild) {
    Api api = product.api();
    long start = System.nanoTime();
    long written = write(bootstrapServers, topic, reports, eventsPerReport);
    double writeSeconds = RawBaselines.seconds(start);
    Await.until("the live projector to catch up", Duration.ofMinutes(30), () -> lag(api) == 0);
    double catchUp = written / RawBaselines.seconds(start);

    beforeRebuild.run();
    long rebuildStart = System.nanoTime();
    String id = api.post("admin", "/api/admin/projections/rebuild", null).expectOk("start a rebuild")
        .json().get("rebuildId").asText();
    JsonNode[] status = new JsonNode[1];
    Await.until("the rebuild to complete", Duration.ofMinutes(30), () -> {
      status[0] = api.get("admin", "/api/admin/projections/rebuild/" + id).expectOk("rebuild status").json();
      String state = status[0].get("status").asText();
      if ("FAILED".equals(state)) {
        throw new IllegalStateException("rebuild failed: " + status[0]);
      }
      return "COMPLETED".equals(state);
    });
    double rebuildSeconds = RawBaselines.seconds(rebuildStart);
    afterRebuild.run();
    return new Figures(written, writeSeconds, catchUp, status[0].get("eventsApplied").asLong(), rebuildSeconds);
  }

  /** The projection's lag in records, summed over partitions, from the health endpoint. */
  private static long lag(Api api) {
    JsonNode lag = api.get("admin", "/actuator/health").json().findValue("lag");
    return lag == null || lag.get("total") == null ? Long.MAX_VALUE : lag.get("total").asLong();
  }

  private static long write(String bootstrapServers, String topic, int reports, int eventsPerReport) {
    long written = 0;
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
      Instant at = Instant.parse("2025-06-02T09:00:00Z");
      String run = UUID.randomUUID().toString().substring(0, 8);
      for (int first = 0; first < reports; first += INTERLEAVED) {
        int last = Math.min(reports, first + INTERLEAVED);
        for (int seq = 0; seq < eventsPerReport; seq++) {
          for (int r = first; r < last; r++) {
            ReportId report = ReportId.of("rebuild-" + run + "-" + r);
            producer.send(record(topic, event(report, seq, at), seq + 1, at));
            written++;
          }
        }
      }
      producer.flush();
    }
    return written;
  }

  /** The n-th event of a report: created, a section, then each paragraph drafted, then revised. */
  private static ReportEvent event(ReportId report, int seq, Instant at) {
    SectionId section = SectionId.of("s-1");
    if (seq == 0) {
      return new ReportCreated(report, new ReportHeader("Benchmark", 1, "Rebuild", "Vienna",
          LocalDate.parse("2025-06-02"), LocalDate.parse("2025-06-06"), "en", null, null, null, List.of()),
          SECRETARY, at);
    }
    if (seq == 1) {
      return new SectionAdded(report, section, "I", "Matters of substance", List.of(), null, SECRETARY, at);
    }
    int paragraphs = 24;
    int n = seq - 2;
    ParagraphId paragraph = ParagraphId.of("p-" + n % paragraphs);
    if (n < paragraphs) {
      return new ParagraphDrafted(report, paragraph, section, null, TEXT + 1, "SECRETARIAT", 1, SECRETARY, at);
    }
    int revision = n / paragraphs + 1;
    return new ParagraphRevised(report, paragraph, revision - 1, revision, TEXT + revision, false, SECRETARY, at);
  }

  /** As the command side's publisher writes it (ReportEventRecords): CloudEvents binary mode. */
  private static ProducerRecord<byte[], byte[]> record(String topic, ReportEvent event, long position, Instant at) {
    String reportId = event.reportId().value();
    RecordHeaders headers = new RecordHeaders();
    header(headers, "ce_specversion", "1.0");
    header(headers, "ce_id", UUID.randomUUID().toString());
    header(headers, "ce_type", event.type());
    header(headers, "ce_source", "/reports/" + reportId);
    header(headers, "ce_time", at.toString());
    header(headers, "content-type", "application/json");
    header(headers, "ce_position", Long.toString(position));
    header(headers, "ce_actoruser", event.actor().user());
    header(headers, "ce_actorrole", event.actor().role().name());
    return new ProducerRecord<>(topic, null, reportId.getBytes(StandardCharsets.UTF_8),
        ReportEventJson.toBytes(event), headers);
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
