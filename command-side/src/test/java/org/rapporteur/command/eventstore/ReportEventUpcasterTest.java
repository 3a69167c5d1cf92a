package org.rapporteur.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.json.EventUpcaster;
import org.rapporteur.shared.json.EventUpcasters;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.ParagraphApproved;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphReturned;
import org.rapporteur.shared.report.ReportEvent;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.Role;

/**
 * The event store reads old events through the contract's upcasters, as the storage engine does:
 * {@link EventStreamUtils} is what it calls. The change is one that never happened: suppose
 * ParagraphReturned's {@code comment} was called {@code reason} in version 1.
 */
class ReportEventUpcasterTest {

  private static final ReportId REPORT = ReportId.of("iamosa-40");
  private static final ParagraphId PARA = ParagraphId.of("para-2");
  private static final Actor CHAIR = new Actor("chair", Role.CHAIR, null);
  private static final Instant AT = Instant.parse("2020-08-20T09:14:00Z");
  private static final String OLD_RETURNED =
      """
      {"reportId":"iamosa-40","paragraphId":"para-2","revision":2,
       "reason":"Please cite General Assembly resolution 74/82.",
       "actor":{"user":"chair","role":"CHAIR","entity":null},"at":"2020-08-20T09:14:00Z"}
      """;

  private final Serializer serializer = new EventStoreConfiguration().eventSerializer();
  private final EventUpcasters upcasters =
      new EventUpcasters(
          List.of(
              new EventUpcaster(
                  "ParagraphReturned",
                  1,
                  json -> {
                    json.set("comment", json.remove("reason"));
                    return json;
                  })));

  @Test
  void anOldEventLoadsInItsCurrentShapeAndOthersAsStored() {
    ParagraphApproved approved = new ParagraphApproved(REPORT, PARA, 2, null, CHAIR, AT);

    DomainEventStream events =
        EventStreamUtils.upcastAndDeserializeDomainEvents(
            Stream.of(
                stored(0, ParagraphReturned.class, OLD_RETURNED.getBytes(StandardCharsets.UTF_8)),
                stored(1, ParagraphApproved.class, serializer.serialize(approved, byte[].class).getData())),
            serializer,
            new ReportEventUpcaster(upcasters));

    assertThat(EventStreamUtils.asStream(events).map(event -> (ReportEvent) event.getPayload()))
        .containsExactly(
            new ParagraphReturned(
                REPORT, PARA, 2, "Please cite General Assembly resolution 74/82.", CHAIR, AT),
            approved);
  }

  /** A row of the event store as the JDBC engine reads it. */
  private static GenericDomainEventEntry<byte[]> stored(long sequence, Class<?> type, byte[] payload) {
    return new GenericDomainEventEntry<>(
        "Report", REPORT.value(), sequence, "evt-" + sequence, AT.toString(), type.getName(), null,
        payload, "{}".getBytes(StandardCharsets.UTF_8));
  }
}
