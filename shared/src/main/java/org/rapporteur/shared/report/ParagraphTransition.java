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
  /** In session the chair may delete bracketed text; adopted text stays. */
  WITHDRAWN(
      ParagraphWithdrawn.class,
      EnumSet.of(
          ParagraphStatus.DRAFT,
          ParagraphStatus.SUBMITTED,
          ParagraphStatus.RETURNED,
          ParagraphStatus.APPROVED,
          ParagraphStatus.BRACKETED),
      ParagraphStatus.WITHDRAWN),
  // The adoption session: every paragraph is approved when it opens, one inserted in it is a draft.
  ORAL_AMENDMENT_PROPOSED(OralAmendmentProposed.class, openInSession(), null),
  /** The text changes "as orally amended"; the status is kept. */
  ORAL_AMENDMENT_ACCEPTED(OralAmendmentAccepted.class, openInSession(), null),
  BRACKETED(ParagraphBracketed.class, EnumSet.of(ParagraphStatus.DRAFT, ParagraphStatus.APPROVED), ParagraphStatus.BRACKETED),
  /** The meeting's adoption is what counts, whatever the paragraph was in session; it removes brackets. */
  ADOPTED_IN_SESSION(ParagraphAdoptedInSession.class, openInSession(), ParagraphStatus.ADOPTED);

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

  /** What a paragraph can be in session before the meeting settles it: not yet adopted, nor deleted. */
  private static Set<ParagraphStatus> openInSession() {
    return EnumSet.of(ParagraphStatus.DRAFT, ParagraphStatus.APPROVED, ParagraphStatus.BRACKETED);
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
