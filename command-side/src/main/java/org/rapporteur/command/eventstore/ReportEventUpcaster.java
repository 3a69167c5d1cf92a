package org.rapporteur.command.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.rapporteur.shared.json.EventUpcasters;

/**
 * Brings the contract's upcasters to Axon, which reads the event store with its own serializer
 * rather than through {@code ReportEventJson.fromBytes}: the aggregate and the publisher then see
 * an old event in its current shape, as the query side does. Events of a type that never changed,
 * and snapshots, pass untouched.
 */
final class ReportEventUpcaster extends SingleEventUpcaster {

  private final EventUpcasters upcasters;

  ReportEventUpcaster(EventUpcasters upcasters) {
    this.upcasters = upcasters;
  }

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation event) {
    return upcasters.upcasts(typeName(event));
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
    String type = typeName(event);
    // The same serialized type: a version lives in the JSON, not in Axon's payload revision.
    return event.upcastPayload(event.getType(), JsonNode.class, json -> upcasters.upcast(type, json));
  }

  /** Axon names a payload by its class, the contract by the class's simple name. */
  private static String typeName(IntermediateEventRepresentation event) {
    String className = event.getType().getName();
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
