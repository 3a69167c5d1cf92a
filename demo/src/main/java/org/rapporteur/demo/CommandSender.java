package org.rapporteur.demo;

import org.rapporteur.shared.report.ReportCommand;

/**
 * Where a {@link ScenarioRunner} sends its commands: the command side in process, over HTTP, or a
 * recorder in tests. It may be called from several threads at once (a scenario's parallel block).
 */
public interface CommandSender {

  /**
   * Sends one command as its actor.
   *
   * @return the report stream's position after the command
   * @throws StaleRevision when a {@code ReviseParagraph} names a base revision that is not the
   *     paragraph's current one
   */
  long send(ReportCommand command);

  /** The paragraph moved on since the revision a revise was based on; nothing was changed. */
  class StaleRevision extends RuntimeException {
    private final int currentRevision;
    private final String currentText;

    public StaleRevision(int currentRevision, String currentText) {
      super("stale base revision: the paragraph is at revision " + currentRevision);
      this.currentRevision = currentRevision;
      this.currentText = currentText;
    }

    public int currentRevision() {
      return currentRevision;
    }

    public String currentText() {
      return currentText;
    }
  }
}
