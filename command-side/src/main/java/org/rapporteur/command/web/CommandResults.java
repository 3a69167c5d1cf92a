package org.rapporteur.command.web;

/** The answers of the command API: the ids the command created and the report's new position. */
final class CommandResults {

  private CommandResults() {}

  record ReportCreated(String reportId, long position) {}

  record AgendaItemCreated(String itemId, long position) {}

  record SectionCreated(String sectionId, long position) {}

  record MemberEntityAdded(String entity, long position) {}

  record ParticipantCreated(String participantId, long position) {}

  record ParagraphCreated(String paragraphId, int revision, long position) {}

  record ParagraphRevised(int revision, long position) {}

  record DecisionCreated(String decisionId, long position) {}

  record Accepted(long position) {}

  record OralAmendmentCreated(String amendmentId, long position) {}

  record CorrigendumCreated(String corrigendumId, int number, String symbol, long position) {}

  record ReservationCreated(String reservationId, long position) {}
}
