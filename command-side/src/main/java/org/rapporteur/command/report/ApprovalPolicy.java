package org.rapporteur.command.report;

import org.rapporteur.shared.report.Actor;

/**
 * Whether the chair may approve a revision it wrote itself. With segregation of duties on (the
 * default) an identity holding several roles cannot both write and approve the same words. The
 * setting is the deployment's, so the aggregate receives it as a handler parameter instead of
 * reading configuration.
 */
public record ApprovalPolicy(boolean segregationOfDuties) {

  /** Segregation of duties on, as the identity issue asks by default. */
  public static final ApprovalPolicy SEGREGATED = new ApprovalPolicy(true);

  void requireMayApprove(Actor approver, String revisionAuthor, String what) {
    if (segregationOfDuties && approver.user().equals(revisionAuthor)) {
      throw new ForbiddenActionException(
          "segregation-of-duties",
          approver.user() + " wrote the current revision of " + what + " and may not approve it");
    }
  }
}
