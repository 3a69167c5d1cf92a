package org.rapporteur.query.draft;

import java.time.Instant;
import java.util.Objects;
import org.rapporteur.shared.report.ReportEvent;

/**
 * A report event with its envelope, as the consumer received it.
 *
 * @param position the event's 1-based sequence number in its report's stream
 * @param eventId the event's id ({@code ce_id})
 * @param timestamp the event's instant ({@code ce_time})
 * @param event the event itself
 */
public record RecordedEvent(long position, String eventId, Instant timestamp, ReportEvent event) {
  public RecordedEvent {
    if (position < 1) {
      throw new IllegalArgumentException("position is 1-based; got " + position);
    }
    Objects.requireNonNull(event, "event");
  }
}
