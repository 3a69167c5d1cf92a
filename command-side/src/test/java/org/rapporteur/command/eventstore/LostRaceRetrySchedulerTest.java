package org.rapporteur.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LostRaceRetrySchedulerTest {

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  private final LostRaceRetryScheduler scheduler = new LostRaceRetryScheduler(executor, 3, 1);
  private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("revise");

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void aCommandThatLostARaceIsSentAgain() throws Exception {
    CountDownLatch resent = new CountDownLatch(1);
    ConcurrencyException lost = new ConcurrencyException("sequence 12 exists");

    assertThat(scheduler.scheduleRetry(command, lost, failures(lost), resent::countDown)).isTrue();
    assertThat(resent.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(scheduler.retries()).isEqualTo(1);
  }

  @Test
  void aDuplicateReportIdIsNotRetried() {
    AggregateStreamCreationException duplicate = new AggregateStreamCreationException("report exists");

    assertThat(scheduler.scheduleRetry(command, duplicate, failures(duplicate), () -> {})).isFalse();
  }

  @Test
  void anyOtherFailureIsNotRetried() {
    IllegalStateException refused = new IllegalStateException("a rule of the report refused it");

    assertThat(scheduler.scheduleRetry(command, refused, failures(refused), () -> {})).isFalse();
  }

  @Test
  void aCommandLosingTooOftenIsAnsweredWithItsLastFailure() {
    ConcurrencyException lost = new ConcurrencyException("sequence 12 exists");

    assertThat(scheduler.scheduleRetry(command, lost, failures(lost, lost, lost, lost), () -> {})).isFalse();
  }

  @SuppressWarnings("unchecked")
  private static List<Class<? extends Throwable>[]> failures(Throwable... each) {
    List<Class<? extends Throwable>[]> failures = new ArrayList<>();
    for (Throwable t : each) {
      failures.add(new Class[] {t.getClass()});
    }
    return failures;
  }
}
