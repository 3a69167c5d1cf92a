package org.rapporteur.query.projection;

/**
 * Why a report's projection stops at its position. A report on hold keeps its later records in
 * {@code q_parked}; every other report goes on.
 *
 * @param reason GAP: position {@code position} has not arrived, and the report goes on by itself
 *     when it does; CONFLICT: a record carries another event at {@code position}, already applied
 *     (the log forked); FAILED: the event at {@code position} could not be applied. CONFLICT and
 *     FAILED need an operator: republish from the event store, then re-project the report.
 * @param position the position awaited (GAP) or at fault (CONFLICT, FAILED)
 */
record Hold(Reason reason, long position) {

  enum Reason {
    GAP, CONFLICT, FAILED, BROKEN_LINK
  }

  static Hold gap(long awaited) {
    return new Hold(Reason.GAP, awaited);
  }

  boolean waitsForGap() {
    return reason == Reason.GAP;
  }
}
