package org.rapporteur.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One run's figures: the table printed, {@code benchmark-results.json} and the chart. */
record Results(
    Settings settings,
    Map<String, String> durability,
    double rawInsertTps,
    RawBaselines.KafkaRates kafka,
    CommandLoad.ClosedResult peak,
    double peakJitMillis,
    CommandLoad.OpenResult halfPeak,
    CommandLoad.OpenResult readBack,
    CommandLoad.ClosedResult embeddedPeak,
    LargeReport.Figures large,
    Rebuild.Figures rebuild,
    ReportLoad.Figures load,
    double heapAfterMib,
    double seconds) {

  long errors() {
    return peak.errors() + halfPeak.errors() + readBack.errors() + (embeddedPeak == null ? 0 : embeddedPeak.errors());
  }

  double ratioCommands() {
    return peak.perSecond() / rawInsertTps;
  }

  double ratioRebuild() {
    return rebuild.rebuildEventsPerSecond() / kafka.consumePerSecond();
  }

  /** A target of issue 15: met when the measured value is on the right side of the limit. */
  record Target(String what, double measured, double limit, boolean atLeast, String unit) {
    boolean met() {
      return atLeast ? measured >= limit : measured <= limit;
    }

    /** Measured as a share of the target, 1 or more when met, for the chart. */
    double score() {
      return atLeast ? measured / limit : limit / Math.max(measured, 1e-9);
    }
  }

  List<Target> targets() {
    return List.of(
        new Target("commands/s vs raw inserts", ratioCommands(), 0.25, true, "x"),
        new Target("command p99 at half peak", ms(halfPeak.commandMicros(), 99), 50, false, "ms"),
        new Target("answer-to-readable p99 at half peak", ms(readBack.lagMicros(), 99), 250, false, "ms"),
        new Target("rebuild vs bare consumer", ratioRebuild(), 0.25, true, "x"),
        new Target("10,000-event report load", load.coldLoadFromSnapshotMs(), 50, false, "ms"),
        new Target("large report draft GET p99", large.draftGetP99Ms(), 100, false, "ms"),
        new Target("large report document.html", large.documentHtmlMs(), 300, false, "ms"),
        new Target("heap after the benchmark", heapAfterMib, 512, false, "MiB"));
  }

  String table() {
    List<String[]> rows = new ArrayList<>();
    rows.add(row("raw PostgreSQL single-row inserts, 8 threads, 1 KiB", f0(rawInsertTps) + " tx/s"));
    rows.add(row("raw Kafka produce, 1 KiB, acks=all, idempotent", f0(kafka.producePerSecond()) + " records/s"));
    rows.add(row("raw Kafka consume (fresh consumer, from start)", f0(kafka.consumePerSecond()) + " records/s"));
    rows.add(row("product on PostgreSQL, " + settings.clients() + " connections, " + settings.reports() + " reports",
        f0(peak.perSecond()) + " commands/s (ratio " + f2(ratioCommands()) + ")"));
    rows.add(row("  command p50 / p99 at peak", f1(ms(peak.latencyMicros(), 50)) + " / " + f1(ms(peak.latencyMicros(), 99)) + " ms"));
    rows.add(row("  JIT compiler time during the peak", f0(peakJitMillis) + " ms"));
    rows.add(row("  open model at " + f0(halfPeak.rate()) + "/s, commands only: command p50 / p99",
        f1(ms(halfPeak.commandMicros(), 50)) + " / " + f1(ms(halfPeak.commandMicros(), 99)) + " ms"));
    rows.add(row("  the same with each answer read back: command p50 / p99",
        f1(ms(readBack.commandMicros(), 50)) + " / " + f1(ms(readBack.commandMicros(), 99)) + " ms"));
    rows.add(row("    answer-to-readable lag p50 / p99",
        f1(ms(readBack.lagMicros(), 50)) + " / " + f1(ms(readBack.lagMicros(), 99)) + " ms"));
    rows.add(row("  errors (peak / open / read back) / reads past the wait",
        peak.errors() + " / " + halfPeak.errors() + " / " + readBack.errors() + " / " + readBack.unreadable()));
    rows.add(row("product on the embedded default (H2)", embeddedPeak == null ? "not in the smoke run"
        : f0(embeddedPeak.perSecond()) + " commands/s, p99 " + f1(ms(embeddedPeak.latencyMicros(), 99)) + " ms"));
    rows.add(row("live projector catch-up, " + rebuild.eventsWritten() + " events written to the topic",
        f0(rebuild.catchUpEventsPerSecond()) + " events/s"));
    rows.add(row("full rebuild, " + rebuild.eventsApplied() + " events",
        f0(rebuild.rebuildEventsPerSecond()) + " events/s in " + f1(rebuild.rebuildSeconds()) + " s (ratio "
            + f2(ratioRebuild()) + ")"));
    rows.add(row(load.events() + "-event report, cold load from snapshot / no snapshot / plain JDBC read",
        f1(load.coldLoadFromSnapshotMs()) + " / " + f1(load.coldLoadWithoutSnapshotMs()) + " / "
            + f1(load.plainJdbcReadMs()) + " ms"));
    rows.add(row(large.paragraphs() + "-paragraph report: command p99 / draft GET p99",
        f1(large.commandP99Ms()) + " / " + f1(large.draftGetP99Ms()) + " ms"));
    rows.add(row("  document.html (median, " + large.documentHtmlBytes() / 1024 + " KiB)", f1(large.documentHtmlMs()) + " ms"));
    rows.add(row("product heap after the run (after a full GC)", f0(heapAfterMib) + " MiB"));
    for (Target t : targets()) {
      rows.add(row("target: " + t.what() + (t.atLeast() ? " >= " : " <= ") + fmt(t.limit()) + " " + t.unit(),
          fmt(t.measured()) + " " + t.unit() + (t.met() ? "  met" : "  NOT met")));
    }
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%nBENCHMARK (%s run, %.0f s; %d cores, %d MiB; PostgreSQL fsync=%s synchronous_commit=%s)%n",
        settings.full() ? "full" : "smoke", seconds, Runtime.getRuntime().availableProcessors(),
        Machine.memoryMib(), durability.get("fsync"), durability.get("synchronous_commit")));
    for (String[] r : rows) {
      out.append(String.format(Locale.ROOT, "| %-" + width + "s | %s |%n", r[0], r[1]));
    }
    return out.toString();
  }

  ObjectNode json() {
    ObjectNode root = Api.JSON.createObjectNode();
    root.put("raw_insert_tps", rawInsertTps);
    root.put("raw_produce_rps", kafka.producePerSecond());
    root.put("raw_consume_rps", kafka.consumePerSecond());
    root.put("commands_per_s", peak.perSecond());
    root.put("command_p50_ms", ms(halfPeak.commandMicros(), 50));
    root.put("command_p99_ms", ms(halfPeak.commandMicros(), 99));
    root.put("lag_p50_ms", ms(readBack.lagMicros(), 50));
    root.put("lag_p99_ms", ms(readBack.lagMicros(), 99));
    root.put("rebuild_events_per_s", rebuild.rebuildEventsPerSecond());
    root.put("load_10k_events_ms", load.coldLoadFromSnapshotMs());
    root.put("ratio_commands", ratioCommands());
    root.put("ratio_rebuild", ratioRebuild());
    if (embeddedPeak == null) {
      root.putNull("embedded_commands_per_s");
    } else {
      root.put("embedded_commands_per_s", embeddedPeak.perSecond());
    }
    root.put("run", settings.full() ? "full" : "smoke");
    root.set("machine", Machine.describe());
    ObjectNode durable = root.putObject("durability");
    durable.put("postgresql", "local server; raw baseline and product on the same settings");
    durability.forEach(durable::put);
    durable.put("h2", "embedded default: file, WRITE_DELAY=0 (each commit written before the answer)");
    durable.put("kafka", "one KRaft broker in a JVM of its own (KafkaBrokerProcess), replication 1; producers acks=all, idempotent");
    ObjectNode details = root.putObject("details");
    if (embeddedPeak != null) {
      details.put("embedded_command_p99_ms", ms(embeddedPeak.latencyMicros(), 99));
    }
    details.put("seconds", seconds);
    details.put("clients", settings.clients());
    details.put("peak_command_p50_ms", ms(peak.latencyMicros(), 50));
    details.put("peak_command_p99_ms", ms(peak.latencyMicros(), 99));
    details.put("peak_jit_compile_ms", peakJitMillis);
    details.put("half_peak_rate_per_s", halfPeak.rate());
    details.put("errors", errors());
    details.put("reads_past_the_wait", readBack.unreadable());
    details.put("read_back_command_p50_ms", ms(readBack.commandMicros(), 50));
    details.put("read_back_command_p99_ms", ms(readBack.commandMicros(), 99));
    details.put("rebuild_events", rebuild.eventsApplied());
    details.put("rebuild_seconds", rebuild.rebuildSeconds());
    details.put("catch_up_events_per_s", rebuild.catchUpEventsPerSecond());
    details.put("topic_write_events_per_s", rebuild.eventsWritten() / rebuild.writeSeconds());
    details.put("raw_kafka_records", kafka.records());
    details.put("load_10k_without_snapshot_ms", load.coldLoadWithoutSnapshotMs());
    details.put("load_10k_plain_jdbc_read_ms", load.plainJdbcReadMs());
    details.put("large_report_paragraphs", large.paragraphs());
    details.put("large_command_p99_ms", large.commandP99Ms());
    details.put("large_draft_get_p99_ms", large.draftGetP99Ms());
    details.put("large_document_html_ms", large.documentHtmlMs());
    details.put("heap_after_mib", heapAfterMib);
    ObjectNode targets = root.putObject("targets");
    targets().forEach(t -> targets.put(t.what(), t.met()));
    return root;
  }

  /** A bar per target, measured as a share of the target: past the line at 1 means met. */
  String svg() {
    List<Target> targets = targets();
    int rowHeight = 30;
    int left = 300;
    int width = 820;
    int plot = width - left - 140;
    double max = Math.max(2, targets.stream().mapToDouble(t -> Math.min(t.score(), 4)).max().orElse(2));
    int height = 60 + targets.size() * rowHeight + 30;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"13\">%n"
            + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
            + "<text x=\"10\" y=\"24\" font-size=\"15\">Issue 15 targets (%s run): measured as a share of the target;"
            + " 1 or more is met</text>%n",
        width, height, settings.full() ? "full" : "smoke"));
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      int y = 50 + i * rowHeight;
      double bar = Math.min(t.score(), max) / max * plot;
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n"
              + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>%n"
              + "<text x=\"%.1f\" y=\"%d\">%s %s</text>%n",
          left - 8, y + 14, escape(t.what()), left, y, bar, t.met() ? "#2e7d32" : "#c62828",
          left + bar + 6, y + 14, fmt(t.measured()), t.unit()));
    }
    double one = left + plot / max;
    svg.append(String.format(Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"40\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\" stroke-dasharray=\"4\"/>%n"
            + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">target</text>%n</svg>%n",
        one, one, height - 25, one, height - 8));
    return svg.toString();
  }

  static double ms(org.HdrHistogram.Histogram micros, double percentile) {
    return micros.getValueAtPercentile(percentile) / 1000.0;
  }

  private static String[] row(String what, String figure) {
    return new String[] {what, figure};
  }

  private static String fmt(double v) {
    return v >= 100 ? f0(v) : v >= 10 ? f1(v) : f2(v);
  }

  private static String f0(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String f1(double v) {
    return String.format(Locale.ROOT, "%,.1f", v);
  }

  private static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;");
  }
}
