package org.rapporteur.command.eventstore;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.shared.report.ReportEvent;

/**
 * Refuses, before it is stored, an event whose JSON is larger than the limit, which stays below
 * what the topic takes (ReportTopic checks it): an event stored but refused by Kafka would hold its
 * report on the query side until an admin intervened. The command fails and changes nothing.
 */
public final class EventSizeLimit implements MessageDispatchInterceptor<EventMessage<?>> {

  /** 512 KiB: half of Kafka's default record limit, and far above any real paragraph or header. */
  public static final int DEFAULT_MAX_BYTES = 512 * 1024;

  private final int maxBytes;

  public EventSizeLimit(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The command would record an event larger than the limit. */
  public static final class EventTooLargeException extends RuntimeException {
    private final int bytes;
    private final int maxBytes;

    EventTooLargeException(String type, int bytes, int maxBytes) {
      super("The command would record a " + type + " event of " + bytes + " bytes; an event holds at most " + maxBytes
          + " bytes. Send shorter texts.");
      this.bytes = bytes;
      this.maxBytes = maxBytes;
    }

    public int bytes() {
      return bytes;
    }

    public int maxBytes() {
      return maxBytes;
    }
  }

  @Override
  public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
    return (index, message) -> {
      if (message.getPayload() instanceof ReportEvent event) {
        // Measured as Kafka will carry it; a few microseconds beside the store's own write.
        int bytes = ReportEventJson.toBytes(event).length;
        if (bytes > maxBytes) {
          throw new EventTooLargeException(event.type(), bytes, maxBytes);
        }
      }
      return message;
    };
  }
}
