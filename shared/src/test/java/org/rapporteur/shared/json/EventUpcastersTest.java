package org.rapporteur.shared.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphReturned;
import org.rapporteur.shared.report.ReportEvent;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.Role;

/**
 * The upcasting mechanism, on a change that never happened: suppose ParagraphReturned's {@code
 * comment} was called {@code reason} in version 1, and {@code note} in version 2.
 */
class EventUpcastersTest {

  private static final String TYPE = "ParagraphReturned";
  private static final String COMMENT = "Please cite General Assembly resolution 74/82.";
  private static final ParagraphReturned RETURNED =
      new ParagraphReturned(
          ReportId.of("iamosa-40"), ParagraphId.of("para-2"), 2, COMMENT,
          new Actor("chair", Role.CHAIR, null), Instant.parse("2020-08-20T09:14:00Z"));

  /** Version 1 to 2; applied to JSON without {@code reason}, it would erase the comment. */
  private static final EventUpcaster REASON_TO_COMMENT =
      new EventUpcaster(TYPE, 1, json -> rename(json, "reason", "comment"));

  @Test
  void anOldEventLoadsThroughItsUpcaster() {
    EventUpcasters upcasters = new EventUpcasters(List.of(REASON_TO_COMMENT));

    ReportEvent loaded = ReportEventJson.fromBytes(TYPE, oldJson(), upcasters);

    assertThat(loaded).isEqualTo(RETURNED);
  }

  @Test
  void anEventOfTheCurrentVersionIsNotUpcast() {
    EventUpcasters upcasters = new EventUpcasters(List.of(REASON_TO_COMMENT));
    ObjectNode current = ReportEventJson.toTree(RETURNED).deepCopy();
    current.put(EventUpcasters.VERSION_FIELD, 2);

    assertThat(ReportEventJson.fromBytes(TYPE, current.toString().getBytes(), upcasters))
        .isEqualTo(RETURNED);
  }

  @Test
  void upcastersApplyInVersionOrderFromTheStoredVersion() {
    EventUpcasters upcasters =
        new EventUpcasters(
            List.of(
                new EventUpcaster(TYPE, 2, json -> rename(json, "note", "comment")),
                new EventUpcaster(TYPE, 1, json -> rename(json, "reason", "note"))));
    ObjectNode version2 = ReportEventJson.toTree(RETURNED).deepCopy();
    version2.put(EventUpcasters.VERSION_FIELD, 2);
    rename(version2, "comment", "note");

    assertThat(upcasters.currentVersion(TYPE)).isEqualTo(3);
    assertThat(ReportEventJson.fromBytes(TYPE, oldJson(), upcasters)).isEqualTo(RETURNED);
    assertThat(ReportEventJson.fromBytes(TYPE, version2.toString().getBytes(), upcasters))
        .isEqualTo(RETURNED);
  }

  @Test
  void anEventOfANewerVersionIsLeftAsWritten() {
    EventUpcasters upcasters = new EventUpcasters(List.of(REASON_TO_COMMENT));
    ObjectNode newer = ReportEventJson.toTree(RETURNED).deepCopy();
    newer.put(EventUpcasters.VERSION_FIELD, 3);

    assertThat(upcasters.upcast(TYPE, newer)).isEqualTo(newer);
  }

  @Test
  void upcastersMustReadEveryVersionFromOneOnce() {
    EventUpcaster fromTwo = new EventUpcaster(TYPE, 2, json -> json);

    assertThatThrownBy(() -> new EventUpcasters(List.of(fromTwo)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ParagraphReturned");
    assertThatThrownBy(() -> new EventUpcasters(List.of(REASON_TO_COMMENT, REASON_TO_COMMENT)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUpcasterOfAnUnknownTypeIsRefused() {
    EventUpcaster typo = new EventUpcaster("ParagraphReturnd", 1, json -> json);

    assertThatThrownBy(() -> new EventUpcasters(List.of(typo)))
        .isInstanceOf(ReportEventJson.UnknownEventTypeException.class);
  }

  private static ObjectNode rename(ObjectNode json, String from, String to) {
    json.set(to, json.remove(from));
    return json;
  }

  /** The golden ParagraphReturned as version 1 would have written it. */
  private static byte[] oldJson() {
    try (InputStream in = EventUpcastersTest.class.getResourceAsStream("/upcasting/ParagraphReturned-reason.json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
