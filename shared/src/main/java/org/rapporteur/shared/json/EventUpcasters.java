package org.rapporteur.shared.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The upcasters of all event types, applied in version order to an event's stored JSON before it
 * is bound to its record: by {@link ReportEventJson} for what Kafka and the query side's tables
 * hold, and by the command side's event store hook for Axon.
 *
 * <p>The version travels inside the JSON, in {@value #VERSION_FIELD}, so that it survives every
 * copy (event store, Kafka, the query side's audit trail) without a header or a column. JSON
 * without it is version 1: every event written before its type first changed.
 */
public final class EventUpcasters {

  /** The field in which an event at version 2 or later names its version. */
  public static final String VERSION_FIELD = "schemaVersion";

  /** Each type's upcasters, ordered: the one from version 1, then from 2, and so on. */
  private final Map<String, List<EventUpcaster>> byType;

  /**
   * @throws IllegalArgumentException when an upcaster names an unknown type, or a type's
   *     upcasters do not read versions 1, 2, ... n once each
   */
  public EventUpcasters(List<EventUpcaster> upcasters) {
    Map<String, List<EventUpcaster>> grouped = new HashMap<>();
    for (EventUpcaster upcaster : upcasters) {
      ReportEventJson.typeNamed(upcaster.type());
      grouped.computeIfAbsent(upcaster.type(), type -> new ArrayList<>()).add(upcaster);
    }
    Map<String, List<EventUpcaster>> ordered = new HashMap<>();
    grouped.forEach(
        (type, chain) -> {
          chain.sort(Comparator.comparingInt(EventUpcaster::fromVersion));
          List<Integer> versions = chain.stream().map(EventUpcaster::fromVersion).toList();
          for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i) != i + 1) {
              throw new IllegalArgumentException(
                  "the upcasters of " + type + " must read versions 1 to " + versions.size()
                      + " once each; they read " + versions);
            }
          }
          ordered.put(type, List.copyOf(chain));
        });
    byType = Map.copyOf(ordered);
  }

  /** Whether the type ever changed, so that its stored JSON may need rewriting. */
  public boolean upcasts(String type) {
    return byType.containsKey(type);
  }

  /** The version the type's record writes now: 1 plus the number of its upcasters. */
  public int currentVersion(String type) {
    return byType.getOrDefault(type, List.of()).size() + 1;
  }

  /** The schema version of an event's stored JSON. */
  public static int versionOf(JsonNode json) {
    return json.path(VERSION_FIELD).asInt(1);
  }

  /**
   * The stored JSON of an event of {@code type} rewritten to the type's current version. JSON
   * already current is returned as it is, and so is JSON of a newer version: a reader deployed
   * before the writer binds it as it binds unknown fields, leniently.
   */
  public JsonNode upcast(String type, JsonNode stored) {
    List<EventUpcaster> chain = byType.getOrDefault(type, List.of());
    int version = versionOf(stored);
    if (version < 1) {
      throw new IllegalArgumentException("a " + type + " event has " + VERSION_FIELD + " " + version);
    }
    if (version > chain.size() || !(stored instanceof ObjectNode object)) {
      return stored;
    }
    ObjectNode json = object.deepCopy();
    for (EventUpcaster upcaster : chain.subList(version - 1, chain.size())) {
      json = upcaster.upcast().apply(json);
    }
    return json;
  }
}
