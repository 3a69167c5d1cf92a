package org.rapporteur.shared.draft;

import java.time.LocalDate;
import java.util.List;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.ReportStatus;

/**
 * The draft of a report as it stands at {@code position}: the answer of {@code GET
 * /api/reports/{r}}, now or as it stood at a past position or instant. {@code memberEntities} are
 * the codes of the entities that take part, in code order; {@code members} the same with the
 * instant each became one. {@code reservations} are the delegations' reservations and explanations
 * of position recorded in session, in the order recorded; {@code corrigenda} those issued, in order.
 */
public record ReportDraft(
    ReportId reportId,
    String body,
    int sessionNumber,
    String title,
    String venue,
    LocalDate startDate,
    LocalDate endDate,
    String language,
    String parentMeeting,
    String parentAgendaItem,
    String symbol,
    List<String> footnotes,
    ReportStatus status,
    long position,
    List<AgendaItemView> agenda,
    List<SectionView> sections,
    List<DecisionView> decisions,
    List<ParticipantView> participants,
    List<String> memberEntities,
    List<MemberView> members,
    List<ReservationView> reservations,
    List<CorrigendumView> corrigenda) {

  public ReportDraft {
    footnotes = footnotes == null ? List.of() : List.copyOf(footnotes);
    agenda = agenda == null ? List.of() : List.copyOf(agenda);
    sections = sections == null ? List.of() : List.copyOf(sections);
    decisions = decisions == null ? List.of() : List.copyOf(decisions);
    participants = participants == null ? List.of() : List.copyOf(participants);
    memberEntities = memberEntities == null ? List.of() : List.copyOf(memberEntities);
    members = members == null ? List.of() : List.copyOf(members);
    reservations = reservations == null ? List.of() : List.copyOf(reservations);
    corrigenda = corrigenda == null ? List.of() : List.copyOf(corrigenda);
  }

  /** A draft without reservations or corrigenda: one that never went through an adoption session. */
  public ReportDraft(
      ReportId reportId,
      String body,
      int sessionNumber,
      String title,
      String venue,
      LocalDate startDate,
      LocalDate endDate,
      String language,
      String parentMeeting,
      String parentAgendaItem,
      String symbol,
      List<String> footnotes,
      ReportStatus status,
      long position,
      List<AgendaItemView> agenda,
      List<SectionView> sections,
      List<DecisionView> decisions,
      List<ParticipantView> participants,
      List<String> memberEntities,
      List<MemberView> members) {
    this(reportId, body, sessionNumber, title, venue, startDate, endDate, language, parentMeeting, parentAgendaItem,
        symbol, footnotes, status, position, agenda, sections, decisions, participants, memberEntities, members,
        List.of(), List.of());
  }
}
