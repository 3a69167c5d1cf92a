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
    int loadEvents,
    boolean embedded) {

  static Settings of(boolean full) {
    return full
        // Warm-up: 10 s at full load is short for the JIT on two shared cores (CommandLoad.warmUp).
        ? new Settings(true, Duration.ofSeconds(15), 200_000, 50, 32, Duration.ofSeconds(60),
            Duration.ofSeconds(30), Duration.ofSeconds(30), 2_000, 200, 20_000, 50, 10_000, true)
        // The smoke run leaves out the second product start (the embedded default on H2): it
        // costs half a minute and runs the same code as the PostgreSQL product; ten reports, not
        // fifty, because creating them is most of a short run.
        : new Settings(false, Duration.ofSeconds(2), 10_000, 10, 16, Duration.ofSeconds(2),
            Duration.ofSeconds(3), Duration.ofSeconds(3), 100, 30, 100, 50, 1_000, false);
  }

  long rebuildEvents() {
    return (long) rebuildReports * rebuildEventsPerReport;
  }
}
