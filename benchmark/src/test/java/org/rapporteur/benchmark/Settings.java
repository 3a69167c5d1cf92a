package org.rapporteur.benchmark;

import java.time.Duration;

/** How much each step does: the full run of issue 15, or a smoke run that only proves the harness. */
record Settings(
    boolean full,
    Duration rawInsert,
    long kafkaRecords,
    int reports,
    int clients,
    Duration warmUp,
    Duration peak,
    Duration open,
    int largeParagraphs,
    int largeSamples,
    int rebuildReports,
    int rebuildEventsPerReport,
    int loadEvents) {

  static Settings of(boolean full) {
    return full
        ? new Settings(true, Duration.ofSeconds(15), 200_000, 50, 32, Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(30), 2_000, 200, 20_000, 50, 10_000)
        : new Settings(false, Duration.ofSeconds(3), 10_000, 50, 16, Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(4), 100, 30, 100, 50, 1_000);
  }

  long rebuildEvents() {
    return (long) rebuildReports * rebuildEventsPerReport;
  }
}
