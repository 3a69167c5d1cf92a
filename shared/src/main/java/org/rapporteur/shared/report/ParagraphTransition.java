package org.rapporteur.shared.report;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one table of a paragraph's status transitions: for each fact about a paragraph, the statuses
 * it may happen in and the status it leaves the paragraph in. The aggregate checks a command
 * against {@link #allowedFrom}; the aggregate, the draft fold and the paragraph history all take
 * the next status from {@link #after}, so a new status or transition is written here once.
 */
public enum ParagraphTransition {
  DRAFTED(ParagraphDrafted.class, EnumSet.noneOf(ParagraphStatus.class), ParagraphStatus.DRAFT),
  /** Any revision is a new draft: what was submitted, returned or approved was the old text. */
  REVISED(
      ParagraphRevised.class,
      EnumSet.of(ParagraphStatus.DRAFT, ParagraphStatus.SUBMITTED, ParagraphStatus.RETURNED, ParagraphStatus.APPROVED),
      ParagraphStatus.DRAFT),
  SUBMITTED(ParagraphSubmitted.class, EnumSet.of(ParagraphStatus.DRAFT, ParagraphStatus.RETURNED), ParagraphStatus.SUBMITTED),
  RETURNED(ParagraphReturned.class, EnumSet.of(ParagraphStatus.SUBMITTED), ParagraphStatus.RETURNED),
  /** The chair may approve a paragraph never submitted; an approved revision is not approved twice. */
  APPROVED(
      ParagraphApproved.class,
      EnumSet.of(ParagraphStatus.DRAFT, ParagraphStatus.SUBMITTED, ParagraphStatus.RETURNED),
      ParagraphStatus.APPROVED),
  WITHDRAWN(
      ParagraphWithdrawn.class,
      EnumSet.of(ParagraphStatus.DRAFT, ParagraphStatus.SUBMITTED, ParagraphStatus.RETURNED, ParagraphStatus.APPROVED),
      ParagraphStatus.WITHDRAWN);

  private static final Map<Class<? extends ParagraphEvent>, ParagraphTransition> BY_EVENT =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.event, Function.identity()));

  private final Class<? extends ParagraphEvent> event;
  private final Set<ParagraphStatus> from;
  /** Null where the fact keeps the status the paragraph had. */
  private final ParagraphStatus to;

  ParagraphTransition(Class<? extends ParagraphEvent> event, Set<ParagraphStatus> from, ParagraphStatus to) {
    this.event = event;
    this.from = Collections.unmodifiableSet(from);
    this.to = to;
  }

  /** The transition a fact about a paragraph makes. */
  public static ParagraphTransition of(ParagraphEvent event) {
    ParagraphTransition transition = BY_EVENT.get(event.getClass());
    if (transition == null) {
      throw new IllegalArgumentException("no transition for " + event.getClass().getSimpleName());
    }
    return transition;
  }

  /** The status of a paragraph after the fact; {@code current} is null before it is drafted. */
  public static ParagraphStatus after(ParagraphStatus current, ParagraphEvent event) {
    ParagraphStatus to = of(event).to;
    return to == null ? current : to;
  }

  /** Whether a paragraph in {@code current} may take this transition. */
  public boolean allowedFrom(ParagraphStatus current) {
    return from.contains(current);
  }

  /** The statuses this transition may happen in. */
  public Set<ParagraphStatus> from() {
    return from;
  }

  /** The fact this transition records. */
  public Class<? extends ParagraphEvent> event() {
    return event;
  }
}
