package org.rapporteur.shared.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Rewrites the stored JSON of one event type from one schema version to the next, so that an
 * event whose record changed still reads what was written before the change. See ADR 0005.
 *
 * @param type the event's type name, {@code ReportEvent.type()}
 * @param fromVersion the version it reads; it yields {@code fromVersion + 1}
 * @param upcast rewrites the tree in place or returns a new one
 */
public record EventUpcaster(String type, int fromVersion, UnaryOperator<ObjectNode> upcast) {

  public EventUpcaster {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(upcast, "upcast");
    if (fromVersion < 1) {
      throw new IllegalArgumentException("schema versions start at 1; got " + fromVersion);
    }
  }
}
