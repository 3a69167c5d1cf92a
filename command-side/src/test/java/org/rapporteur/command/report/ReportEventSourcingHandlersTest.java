package org.rapporteur.command.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.report.AgendaItemAmended;
import org.rapporteur.shared.report.ReportEvent;

/**
 * Axon skips an event the aggregate has no {@link EventSourcingHandler} for, silently: a new
 * event would then leave a replayed report in another state than the one its commands saw. Every
 * event type has a handler, or a reason here why the aggregate's rules never look at it.
 */
class ReportEventSourcingHandlersTest {

  private static final Map<Class<?>, String> NEEDS_NO_HANDLER =
      Map.of(
          AgendaItemAmended.class,
          "the aggregate keeps no titles: amending checks only that the item is live, and no"
              + " rule depends on a title");

  @Test
  void everyEventTypeHasAnEventSourcingHandlerOrAReasonForNone() {
    List<Class<?>> handled = handledTypes();

    List<String> unhandled =
        eventTypes()
            .filter(type -> handled.stream().noneMatch(h -> h.isAssignableFrom(type)))
            .filter(type -> !NEEDS_NO_HANDLER.containsKey(type))
            .map(Class::getSimpleName)
            .toList();

    assertThat(unhandled).as("event types Report neither handles nor explains").isEmpty();
  }

  /** A reason that no longer holds must not stay behind to excuse the next change. */
  @Test
  void noTypeWithAHandlerIsExcused() {
    List<Class<?>> handled = handledTypes();

    assertThat(NEEDS_NO_HANDLER.keySet())
        .allSatisfy(type -> assertThat(handled).noneMatch(h -> h.isAssignableFrom(type)));
  }

  private static List<Class<?>> handledTypes() {
    return Arrays.stream(Report.class.getDeclaredMethods())
        .filter(method -> method.isAnnotationPresent(EventSourcingHandler.class))
        .map(Method::getParameterTypes)
        .filter(parameters -> parameters.length > 0)
        .<Class<?>>map(parameters -> parameters[0])
        .toList();
  }

  /** Every event record, through nested sealed interfaces such as {@code ParagraphEvent}. */
  private static Stream<Class<?>> eventTypes() {
    return records(ReportEvent.class);
  }

  private static Stream<Class<?>> records(Class<?> type) {
    return type.isRecord()
        ? Stream.of(type)
        : Arrays.stream(type.getPermittedSubclasses()).flatMap(ReportEventSourcingHandlersTest::records);
  }
}
