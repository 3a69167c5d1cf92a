package org.rapporteur.shared.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.ReportEvent;

/**
 * The one JSON form of report events: what the event store keeps, what Kafka carries as a record
 * value, and what the audit trail shows as {@code payload}. An event's type name is its record's
 * simple name, found among the permitted subtypes of {@link ReportEvent}, so a new event needs no
 * registration here. JSON written before an event's record changed is read through its
 * {@link EventUpcasters upcasters} (ADR 0005).
 */
public final class ReportEventJson {

  private static final ObjectMapper MAPPER = newObjectMapper();

  private static final Map<String, Class<? extends ReportEvent>> TYPES =
      permittedRecords(ReportEvent.class)
          .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

  /** Every event is still at version 1: none has changed since it was first stored. */
  private static final EventUpcasters UPCASTERS = new EventUpcasters(List.of());

  private ReportEventJson() {}

  /**
   * A Jackson mapper for the contract's records: ISO-8601 instants and dates, unknown fields
   * ignored so that events written by a newer version still load.
   */
  public static ObjectMapper newObjectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  /** The shared mapper; thread-safe once configured. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static byte[] toBytes(ReportEvent event) {
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise " + event.type(), e);
    }
  }

  /**
   * The {@code actor} of an event's JSON, read without binding the rest: for a reader that has the
   * event's bytes and needs nothing else of it.
   *
   * @throws UncheckedIOException when the JSON is not an object with an actor
   */
  public static Actor actorOf(byte[] json) {
    try (JsonParser parser = MAPPER.createParser(json)) {
      if (parser.nextToken() == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          parser.nextToken();
          if ("actor".equals(field)) {
            return MAPPER.readValue(parser, Actor.class);
          }
          parser.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read an event's actor", e);
    }
    throw new UncheckedIOException(new IOException("an event without an actor"));
  }

  public static JsonNode toTree(ReportEvent event) {
    return MAPPER.valueToTree(event);
  }

  /**
   * Reads an event of the named type.
   *
   * @throws UnknownEventTypeException when no event has that name
   * @throws UncheckedIOException when the JSON does not fit the type
   */
  public static ReportEvent fromBytes(String type, byte[] json) {
    return fromBytes(type, json, UPCASTERS);
  }

  static ReportEvent fromBytes(String type, byte[] json, EventUpcasters upcasters) {
    Class<? extends ReportEvent> eventClass = typeNamed(type);
    try {
      if (!upcasters.upcasts(type)) {
        // The common case costs what it did before upcasting existed: no intermediate tree.
        return MAPPER.readValue(json, eventClass);
      }
      return MAPPER.treeToValue(upcasters.upcast(type, MAPPER.readTree(json)), eventClass);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a " + type + " event", e);
    }
  }

  /** The upcasters of every event type, for readers that bypass {@link #fromBytes}: Axon's. */
  public static EventUpcasters upcasters() {
    return UPCASTERS;
  }

  public static Class<? extends ReportEvent> typeNamed(String type) {
    Class<? extends ReportEvent> eventClass = TYPES.get(type);
    if (eventClass == null) {
      throw new UnknownEventTypeException(type);
    }
    return eventClass;
  }

  /** Every event type name, for documentation and tests. */
  public static java.util.Set<String> typeNames() {
    return TYPES.keySet();
  }

  @SuppressWarnings("unchecked")
  private static Stream<Class<? extends ReportEvent>> permittedRecords(Class<?> type) {
    if (type.isRecord()) {
      return Stream.of((Class<? extends ReportEvent>) type);
    }
    return Arrays.stream(type.getPermittedSubclasses()).flatMap(ReportEventJson::permittedRecords);
  }

  /** An event type name that this version does not know. */
  public static final class UnknownEventTypeException extends IllegalArgumentException {
    UnknownEventTypeException(String type) {
      super("unknown event type '" + type + "'");
    }
  }
}
