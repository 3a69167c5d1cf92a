package org.rapporteur.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rapporteur.demo.Scenario.AgendaItem;
import org.rapporteur.demo.Scenario.Participant;
import org.rapporteur.demo.Scenario.Section;
import org.rapporteur.demo.Scenario.Stage;
import org.rapporteur.demo.Scenario.Step;
import org.rapporteur.demo.Scenario.Unit;
import org.rapporteur.shared.report.AcceptOralAmendment;
import org.rapporteur.shared.report.AdoptParagraphInSession;
import org.rapporteur.shared.report.BracketParagraph;
import org.rapporteur.shared.report.ConfirmReportAdoption;
import org.rapporteur.shared.report.CorrectParagraph;
import org.rapporteur.shared.report.CorrigendumId;
import org.rapporteur.shared.report.IssueCorrigendum;
import org.rapporteur.shared.report.OpenAdoptionSession;
import org.rapporteur.shared.report.OralAmendmentId;
import org.rapporteur.shared.report.ProposeOralAmendment;
import org.rapporteur.shared.report.RecordReservation;
import org.rapporteur.shared.report.ReservationId;
import org.rapporteur.shared.report.AddParticipant;
import org.rapporteur.shared.report.AddSection;
import org.rapporteur.shared.report.AdoptAgenda;
import org.rapporteur.shared.report.AdoptDecision;
import org.rapporteur.shared.report.AdoptReport;
import org.rapporteur.shared.report.ApproveParagraph;
import org.rapporteur.shared.report.CreateReport;
import org.rapporteur.shared.report.DraftParagraph;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ProposeAgendaItem;
import org.rapporteur.shared.report.ProposeDecision;
import org.rapporteur.shared.report.ReportCommand;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.ReturnParagraph;
import org.rapporteur.shared.report.ReviseParagraph;
import org.rapporteur.shared.report.SubmitParagraph;

/**
 * Plays a {@link Scenario}: turns each step into the contract's command, as the step's actor, and
 * hands it to a {@link CommandSender}. Stages run one after another; a parallel stage runs one
 * thread per actor, each actor's steps in order, and ends when all have.
 *
 * <p>The runner tracks each paragraph's revision from what it sent, so revisions and approvals
 * name the current revision. A revise the scenario marks {@code expect: stale} must be rejected
 * as stale; it is then sent again, once, on the revision the rejection reports. Any other
 * rejection stops the run with a {@link RunFailed} naming the step.
 */
public final class ScenarioRunner {

  private final CommandSender sender;

  public ScenarioRunner(CommandSender sender) {
    this.sender = Objects.requireNonNull(sender, "sender");
  }

  /**
   * Sends the whole scenario.
   *
   * @return the highest position the sender answered, for a reader to wait on
   */
  public long run(Scenario scenario) {
    Run run = new Run(scenario);
    for (Stage stage : scenario.stages()) {
      if (stage.parallel()) {
        run.inParallel(stage.steps());
      } else {
        stage.steps().forEach(run::send);
      }
    }
    return run.position.get();
  }

  /** A step the product rejected, or a conflict that was (or was not) expected. */
  public static final class RunFailed extends RuntimeException {
    RunFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The state of one run: what the runner knows of the report from the commands it sent. */
  private final class Run {
    private final Scenario scenario;
    private final ReportId reportId;
    private final Map<String, AgendaItem> items;
    private final Map<String, Section> sections;
    private final Map<String, Participant> participants;
    private final Map<String, Unit> units;
    // Several actor threads write here in a parallel block, each to its own paragraphs.
    private final Map<ParagraphId, Integer> revisions = new ConcurrentHashMap<>();
    private final AtomicLong position = new AtomicLong();
    /** The oral amendment last proposed on each paragraph: what AcceptOralAmendment accepts. */
    private final Map<ParagraphId, OralAmendmentId> amendments = new ConcurrentHashMap<>();
    private final AtomicInteger amendmentCount = new AtomicInteger();
    private final AtomicInteger reservations = new AtomicInteger();
    private final AtomicInteger corrigenda = new AtomicInteger();

    Run(Scenario scenario) {
      this.scenario = scenario;
      this.reportId = scenario.reportId();
      this.items = byKey(scenario.agenda(), AgendaItem::key);
      this.sections = byKey(scenario.sections(), Section::key);
      this.participants = byKey(scenario.participants(), Participant::key);
      this.units = byKey(scenario.units(), Unit::key);
    }

    void inParallel(List<Step> steps) {
      Map<String, List<Step>> byActor =
          steps.stream()
              .collect(Collectors.groupingBy(Step::user, LinkedHashMap::new, Collectors.toList()));
      // The first failure of any actor; the others finish what they are doing and stop there.
      AtomicReference<RuntimeException> failure = new AtomicReference<>();
      List<Thread> threads = new ArrayList<>();
      byActor.forEach((user, own) -> {
        Runnable actor = () -> {
          for (Step step : own) {
            if (failure.get() != null) {
              return;
            }
            try {
              send(step);
            } catch (RunFailed e) {
              failure.compareAndSet(null, e);
              return;
            } catch (RuntimeException | Error e) {
              // Not left to the thread's default handler: the run would go on as if it had passed.
              failure.compareAndSet(null, new RunFailed(step.describe() + " failed: " + e, e));
              return;
            }
          }
        };
        threads.add(new Thread(actor, "scenario-" + user));
      });
      threads.forEach(Thread::start);
      for (Thread thread : threads) {
        join(thread);
      }
      if (failure.get() != null) {
        throw failure.get();
      }
    }

    private void join(Thread thread) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RunFailed("interrupted while waiting for " + thread.getName(), e);
      }
    }

    void send(Step step) {
      try {
        switch (step.command()) {
          case REVISE_PARAGRAPH:
            revise(step);
            break;
          default:
            deliver(command(step));
            afterSent(step);
        }
      } catch (RunFailed e) {
        throw e;
      } catch (CommandSender.StaleRevision e) {
        throw new RunFailed(step.describe() + ": unexpected stale revision conflict (the paragraph"
            + " is at revision " + e.currentRevision() + ")", e);
      } catch (RuntimeException e) {
        throw new RunFailed(step.describe() + " was rejected: " + e.getMessage(), e);
      }
    }

    private void revise(Step step) {
      Unit unit = units.get(step.key());
      String text = step.text() != null ? step.text() : unit.text();
      int base = step.baseRevision() != null ? step.baseRevision() : current(unit);
      try {
        deliver(new ReviseParagraph(reportId, unit.paragraphId(), text, base, step.actor()));
      } catch (CommandSender.StaleRevision stale) {
        if (!step.expectStale()) {
          throw stale;
        }
        // The author has seen the current text and keeps theirs: resend it on that revision.
        base = stale.currentRevision();
        deliver(new ReviseParagraph(reportId, unit.paragraphId(), text, base, step.actor()));
        revisions.put(unit.paragraphId(), base + 1);
        return;
      }
      if (step.expectStale()) {
        throw new RunFailed(step.describe() + ": expected a stale revision conflict on revision "
            + base + ", but the revise was accepted", null);
      }
      revisions.put(unit.paragraphId(), base + 1);
    }

    private ReportCommand command(Step step) {
      switch (step.command()) {
        case CREATE_REPORT:
          return new CreateReport(reportId, scenario.header(), scenario.members(), step.actor());
        case PROPOSE_AGENDA_ITEM:
          AgendaItem item = items.get(step.key());
          return new ProposeAgendaItem(reportId, item.id(), item.title(), null, step.actor());
        case ADOPT_AGENDA:
          return new AdoptAgenda(reportId, step.actor());
        case ADD_SECTION:
          Section s = sections.get(step.key());
          return new AddSection(
              reportId, s.id(), s.chapter(), s.title(), s.agendaItemIds(), null, step.actor());
        case ADD_PARTICIPANT:
          Participant p = participants.get(step.key());
          return new AddParticipant(reportId, p.id(), p.entity(), p.name(), p.role(), step.actor());
        case DRAFT_PARAGRAPH:
          Unit draft = units.get(step.key());
          String text = step.text() != null ? step.text() : draft.text();
          // No afterParagraphId: a new paragraph goes last, and the reader checked that the
          // story creates each section's units in document order; but one inserted in session.
          String after = step.session().after();
          return new DraftParagraph(reportId, draft.paragraphId(), draft.sectionId(), text,
              after == null ? null : units.get(after).paragraphId(), step.actor());
        case SUBMIT_PARAGRAPH:
          return new SubmitParagraph(reportId, units.get(step.key()).paragraphId(), step.actor());
        case RETURN_PARAGRAPH:
          return new ReturnParagraph(
              reportId, units.get(step.key()).paragraphId(), step.comment(), step.actor());
        case APPROVE_PARAGRAPH:
          Unit approved = units.get(step.key());
          return new ApproveParagraph(
              reportId, approved.paragraphId(), current(approved), step.actor());
        case PROPOSE_DECISION:
          Unit d = units.get(step.key());
          return new ProposeDecision(
              reportId, d.decisionId(), d.sectionId(), d.kind(), d.text(), step.actor());
        case ADOPT_DECISION:
          return new AdoptDecision(reportId, units.get(step.key()).decisionId(), step.actor());
        case ADOPT_REPORT:
          return new AdoptReport(reportId, step.session().adReferendum(), step.actor());
        case OPEN_ADOPTION_SESSION:
          return new OpenAdoptionSession(reportId, step.actor());
        case PROPOSE_ORAL_AMENDMENT:
          Unit amended = units.get(step.key());
          OralAmendmentId amendmentId =
              OralAmendmentId.of(reportId.value() + ".amendment-" + amendmentCount.incrementAndGet());
          amendments.put(amended.paragraphId(), amendmentId);
          return new ProposeOralAmendment(reportId, amended.paragraphId(), amendmentId,
              step.text() != null ? step.text() : amended.text(), step.session().by(), step.actor());
        case ACCEPT_ORAL_AMENDMENT:
          ParagraphId accepted = units.get(step.key()).paragraphId();
          return new AcceptOralAmendment(reportId, accepted, amendments.get(accepted), step.actor());
        case BRACKET_PARAGRAPH:
          return new BracketParagraph(reportId, units.get(step.key()).paragraphId(), step.actor());
        case ADOPT_PARAGRAPH_IN_SESSION:
          return new AdoptParagraphInSession(reportId, units.get(step.key()).paragraphId(), step.actor());
        case RECORD_RESERVATION:
          return new RecordReservation(reportId,
              ReservationId.of(reportId.value() + ".reservation-" + reservations.incrementAndGet()),
              step.session().by(), step.session().kind(), units.get(step.key()).paragraphId(), null,
              step.text(), step.actor());
        case CONFIRM_REPORT_ADOPTION:
          return new ConfirmReportAdoption(reportId, step.actor());
        case ISSUE_CORRIGENDUM:
          return new IssueCorrigendum(reportId,
              CorrigendumId.of(reportId.value() + ".corr-" + corrigenda.incrementAndGet()),
              List.of(new CorrectParagraph(units.get(step.key()).paragraphId(), step.text())),
              step.session().reason(), step.actor());
        default:
          throw new IllegalStateException("unhandled command " + step.command());
      }
    }

    private void afterSent(Step step) {
      if (step.command() == Scenario.Command.DRAFT_PARAGRAPH) {
        revisions.put(units.get(step.key()).paragraphId(), 1);
      }
    }

    private int current(Unit unit) {
      return revisions.get(unit.paragraphId());
    }

    private void deliver(ReportCommand command) {
      long reached = sender.send(command);
      position.accumulateAndGet(reached, Math::max);
    }
  }

  private static <T> Map<String, T> byKey(List<T> values, Function<T, String> key) {
    Map<String, T> map = new LinkedHashMap<>();
    values.forEach(v -> map.put(key.apply(v), v));
    return map;
  }
}
