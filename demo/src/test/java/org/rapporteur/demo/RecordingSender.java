package org.rapporteur.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.rapporteur.shared.report.AcceptOralAmendment;
import org.rapporteur.shared.report.ApproveParagraph;
import org.rapporteur.shared.report.DraftParagraph;
import org.rapporteur.shared.report.OralAmendmentId;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ProposeOralAmendment;
import org.rapporteur.shared.report.ReportCommand;
import org.rapporteur.shared.report.ReviseParagraph;

/**
 * An in-memory stand-in for the command side that keeps just enough state to answer as it would:
 * paragraph revisions (a stale base is a {@link CommandSender.StaleRevision}; approving another
 * revision than the current one is refused; an accepted oral amendment is the next revision) and a
 * growing position.
 *
 * <p>Optionally it holds the first draft of each of some users at a barrier until all of them have
 * arrived: a run passes only if those users really draft at the same time.
 */
final class RecordingSender implements CommandSender {

  record Sent(ReportCommand command, String thread) {}

  private final List<Sent> sent = new ArrayList<>();
  private final Map<ParagraphId, Integer> revisions = new HashMap<>();
  private final Map<ParagraphId, String> texts = new HashMap<>();
  private final Map<OralAmendmentId, String> amendments = new HashMap<>();
  private final Set<String> waitingFor;
  private final Set<String> arrived = ConcurrentHashMap.newKeySet();
  private final CyclicBarrier together;

  RecordingSender() {
    this(Set.of());
  }

  /** Holds the first draft of each of {@code concurrentDrafters} until all of them draft. */
  RecordingSender(Set<String> concurrentDrafters) {
    this.waitingFor = Set.copyOf(concurrentDrafters);
    this.together = concurrentDrafters.isEmpty() ? null : new CyclicBarrier(concurrentDrafters.size());
  }

  @Override
  public long send(ReportCommand command) {
    meetTheOtherDrafters(command);
    synchronized (this) {
      apply(command);
      sent.add(new Sent(command, Thread.currentThread().getName()));
      return sent.size();
    }
  }

  private void meetTheOtherDrafters(ReportCommand command) {
    String user = command.actor().user();
    if (together != null && command instanceof DraftParagraph && waitingFor.contains(user)
        && arrived.add(user)) {
      try {
        together.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
        throw new IllegalStateException(user + " drafted alone: the others never drafted at the same time", e);
      }
    }
  }

  private void apply(ReportCommand command) {
    if (command instanceof DraftParagraph) {
      DraftParagraph draft = (DraftParagraph) command;
      revisions.put(draft.paragraphId(), 1);
      texts.put(draft.paragraphId(), draft.text());
    } else if (command instanceof ReviseParagraph) {
      ReviseParagraph revise = (ReviseParagraph) command;
      int current = revisions.get(revise.paragraphId());
      if (revise.baseRevision() != current) {
        throw new StaleRevision(current, texts.get(revise.paragraphId()));
      }
      revisions.put(revise.paragraphId(), current + 1);
      texts.put(revise.paragraphId(), revise.text());
    } else if (command instanceof ProposeOralAmendment proposed) {
      amendments.put(proposed.amendmentId(), proposed.text());
    } else if (command instanceof AcceptOralAmendment accepted) {
      // The paragraph reads as orally amended, as its next revision.
      revisions.merge(accepted.paragraphId(), 1, Integer::sum);
      texts.put(accepted.paragraphId(), amendments.get(accepted.amendmentId()));
    } else if (command instanceof ApproveParagraph) {
      ApproveParagraph approve = (ApproveParagraph) command;
      if (approve.revision() != revisions.get(approve.paragraphId())) {
        throw new IllegalStateException("approving revision " + approve.revision()
            + " of " + approve.paragraphId() + ", which is not the current one");
      }
    }
  }

  synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  synchronized List<ReportCommand> commands() {
    return sent.stream().map(Sent::command).toList();
  }

  synchronized String text(ParagraphId id) {
    return texts.get(id);
  }
}
