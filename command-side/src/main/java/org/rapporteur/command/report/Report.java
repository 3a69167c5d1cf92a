package org.rapporteur.command.report;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.rapporteur.command.report.ReportPolicies.requirePresent;
import static org.rapporteur.command.report.ReportPolicies.requireText;
import static org.rapporteur.command.report.ReportPolicies.requireTitle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.rapporteur.shared.integrity.HashChain;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.AdoptParagraphInSession;
import org.rapporteur.shared.report.AcceptOralAmendment;
import org.rapporteur.shared.report.AdoptionSessionOpened;
import org.rapporteur.shared.report.BracketParagraph;
import org.rapporteur.shared.report.ConfirmReportAdoption;
import org.rapporteur.shared.report.CorrectParagraph;
import org.rapporteur.shared.report.Correction;
import org.rapporteur.shared.report.CorrigendumIssued;
import org.rapporteur.shared.report.IssueCorrigendum;
import org.rapporteur.shared.report.IssuedCorrigendum;
import org.rapporteur.shared.report.OpenAdoptionSession;
import org.rapporteur.shared.report.OralAmendmentAccepted;
import org.rapporteur.shared.report.OralAmendmentProposed;
import org.rapporteur.shared.report.ParagraphAdoptedInSession;
import org.rapporteur.shared.report.ParagraphBracketed;
import org.rapporteur.shared.report.ProposeOralAmendment;
import org.rapporteur.shared.report.RecordReservation;
import org.rapporteur.shared.report.ReportAdoptedAdReferendum;
import org.rapporteur.shared.report.ReportAdoptionConfirmed;
import org.rapporteur.shared.report.ReservationId;
import org.rapporteur.shared.report.ReservationRecorded;
import org.rapporteur.shared.report.AddMemberEntity;
import org.rapporteur.shared.report.AddParticipant;
import org.rapporteur.shared.report.AddSection;
import org.rapporteur.shared.report.AdoptAgenda;
import org.rapporteur.shared.report.AdoptDecision;
import org.rapporteur.shared.report.AdoptReport;
import org.rapporteur.shared.report.AgendaAdopted;
import org.rapporteur.shared.report.AgendaItemAmended;
import org.rapporteur.shared.report.AgendaItemId;
import org.rapporteur.shared.report.AgendaItemProposed;
import org.rapporteur.shared.report.AgendaItemWithdrawn;
import org.rapporteur.shared.report.AmendAgendaItem;
import org.rapporteur.shared.report.ApproveParagraph;
import org.rapporteur.shared.report.CreateReport;
import org.rapporteur.shared.report.DecisionAdopted;
import org.rapporteur.shared.report.DecisionId;
import org.rapporteur.shared.report.DecisionProposed;
import org.rapporteur.shared.report.DecisionStatus;
import org.rapporteur.shared.report.DraftParagraph;
import org.rapporteur.shared.report.MemberEntityAdded;
import org.rapporteur.shared.report.MemberEntityRemoved;
import org.rapporteur.shared.report.Membership;
import org.rapporteur.shared.report.ParagraphApproved;
import org.rapporteur.shared.report.ParagraphDrafted;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphReturned;
import org.rapporteur.shared.report.ParagraphRevised;
import org.rapporteur.shared.report.ParagraphEvent;
import org.rapporteur.shared.report.ParagraphStatus;
import org.rapporteur.shared.report.ParagraphTransition;
import org.rapporteur.shared.report.ParagraphSubmitted;
import org.rapporteur.shared.report.ParagraphWithdrawn;
import org.rapporteur.shared.report.ParticipantAdded;
import org.rapporteur.shared.report.ParticipantId;
import org.rapporteur.shared.report.ParticipantRemoved;
import org.rapporteur.shared.report.ProposeAgendaItem;
import org.rapporteur.shared.report.ProposeDecision;
import org.rapporteur.shared.report.RemoveMemberEntity;
import org.rapporteur.shared.report.RemoveParticipant;
import org.rapporteur.shared.report.ReportAdopted;
import org.rapporteur.shared.report.ReportCommand;
import org.rapporteur.shared.report.ReportCreated;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.ReportStatus;
import org.rapporteur.shared.report.ReturnParagraph;
import org.rapporteur.shared.report.ReviseParagraph;
import org.rapporteur.shared.report.Role;
import org.rapporteur.shared.report.SectionAdded;
import org.rapporteur.shared.report.SectionId;
import org.rapporteur.shared.report.SubmitParagraph;
import org.rapporteur.shared.report.WithdrawAgendaItem;
import org.rapporteur.shared.report.WithdrawParagraph;

/**
 * One UN meeting report and everything in it: agenda, sections, participants, paragraphs and
 * decisions are entities of this one aggregate, so every rule that spans them (a paragraph's
 * section exists, the report is adopted only when all its units are) is checked against one
 * consistent state. Axon handles the commands of one aggregate one at a time within a JVM, so
 * delegates editing different paragraphs of the same report are serialised, never in conflict;
 * only a stale {@code baseRevision} of the same paragraph conflicts. Across JVMs the event store's
 * unique (aggregate, sequence) key rejects the loser, which Axon retries.
 *
 * <p>Command handlers check named policies ({@link Permissions}, {@link ReportPolicies}) and the
 * state, then {@code apply}; event-sourcing handlers only assign, so a replay never fails. Every
 * command handler returns the report stream's position after the command: the sequence number of
 * the last event applied, plus one (the first event is position 1).
 *
 * <p>Fields are plain, non-final and Jackson-friendly because snapshots serialise them by field.
 */
public class Report {

  @AggregateIdentifier private ReportId reportId;
  private ReportStatus status;
  private Agenda agenda = new Agenda();
  private ArrayList<SectionId> sections = new ArrayList<>();
  /** Participants currently listed; removed ones are dropped. */
  private ArrayList<ParticipantId> participants = new ArrayList<>();
  private LinkedHashMap<ParagraphId, Paragraph> paragraphs = new LinkedHashMap<>();
  private LinkedHashMap<DecisionId, DecisionStatus> decisions = new LinkedHashMap<>();
  /** The codes of the member entities, whose delegates see and act on the report ({@link Membership}). */
  private HashSet<String> memberEntities = new HashSet<>();
  /** The report's symbol, which a corrigendum's symbol extends; null when it has none. */
  private String symbol;
  /** How many corrigenda were issued. */
  private int corrigenda;
  private HashSet<ReservationId> reservations = new HashSet<>();

  /** For Axon, which creates the instance before {@link CreateReport}, and for snapshots. */
  public Report() {}

  // ---- who sees the report --------------------------------------------------------------------

  /**
   * Runs before every command handler: a delegate whose entity is not a member is answered exactly
   * as for a report that does not exist, so that it cannot tell the two apart. A report being
   * created has no id yet and is left to its handler's role check.
   */
  @CommandHandlerInterceptor
  void requireVisible(ReportCommand command) {
    if (reportId != null && !Permissions.sees(command.actor(), memberEntities)) {
      throw NotFoundInReportException.unknownReport(command.reportId());
    }
  }

  // ---- report ---------------------------------------------------------------------------------

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.ALWAYS)
  long handle(CreateReport command, EntityRegistry registry) {
    Permissions.requireRole(command.actor(), "open a report", Role.SECRETARY);
    ReportPolicies.requireValidHeader(command.header());
    List<String> members = command.memberEntities();
    for (int i = 0; i < members.size(); i++) {
      registry.requireKnown("memberEntities[" + i + "]", members.get(i));
      if (members.indexOf(members.get(i)) != i) {
        throw new InvalidCommandException(
            "duplicate-entity", "memberEntities[" + i + "]", "memberEntities names " + members.get(i) + " twice");
      }
    }
    Instant at = now();
    apply(new ReportCreated(command.reportId(), command.header(), command.actor(), at));
    // In code order, so that the same request always writes the same events.
    for (String entity : new TreeSet<>(members)) {
      apply(new MemberEntityAdded(command.reportId(), entity, command.actor(), at));
    }
    return position();
  }

  /** Membership is access, not content: it may change after adoption too. */
  @CommandHandler
  long handle(AddMemberEntity command, EntityRegistry registry) {
    Permissions.requireRole(command.actor(), "add member entities", Role.SECRETARY);
    registry.requireKnown("entity", command.entity());
    if (memberEntities.contains(command.entity())) {
      throw new StateConflictException(
          "already-member", command.entity() + " is already a member entity of report " + reportId);
    }
    apply(new MemberEntityAdded(reportId, command.entity(), command.actor(), now()));
    return position();
  }

  @CommandHandler
  long handle(RemoveMemberEntity command) {
    Permissions.requireRole(command.actor(), "remove member entities", Role.SECRETARY);
    if (!memberEntities.contains(command.entity())) {
      throw new NotFoundInReportException(
          "unknown-member", command.entity() + " is not a member entity of report " + reportId);
    }
    apply(new MemberEntityRemoved(reportId, command.entity(), command.actor(), now()));
    return position();
  }

  /**
   * Adopts the report. Outside a session every live paragraph must be approved and every decision
   * adopted; in session every live paragraph must be adopted in session, and the meeting may adopt
   * the report ad referendum. The event names the head of the chain it adopted: the head as stored
   * by the previous command, which committed before this one could load the report.
   */
  @CommandHandler
  long handle(AdoptReport command, ChainHead chainHead) {
    Permissions.requireRole(command.actor(), "adopt the report", Role.CHAIR);
    requireNotAdopted();
    boolean inSession = status == ReportStatus.IN_SESSION;
    if (command.adReferendum() && !inSession) {
      throw notInSession("a report is adopted ad referendum");
    }
    requireReady(inSession ? ParagraphStatus.ADOPTED : ParagraphStatus.APPROVED, "adopted");
    String headHash = chainHead.hashAt(reportId, position());
    if (command.adReferendum()) {
      apply(new ReportAdoptedAdReferendum(reportId, headHash, command.actor(), now()));
    } else {
      apply(new ReportAdopted(reportId, headHash, command.actor(), now()));
    }
    return position();
  }

  /** Refuses while a live paragraph is not in {@code required} or a decision is not adopted. */
  private void requireReady(ParagraphStatus required, String act) {
    List<ParagraphId> pendingParagraphs =
        paragraphs.entrySet().stream()
            .filter(e -> e.getValue().isLive() && e.getValue().status() != required)
            .map(Map.Entry::getKey)
            .toList();
    List<DecisionId> pendingDecisions =
        decisions.entrySet().stream()
            .filter(e -> e.getValue() == DecisionStatus.PROPOSED)
            .map(Map.Entry::getKey)
            .toList();
    if (!pendingParagraphs.isEmpty() || !pendingDecisions.isEmpty()) {
      throw new ReportNotReadyException(act, required, pendingParagraphs, pendingDecisions);
    }
  }

  // ---- the adoption session -------------------------------------------------------------------

  @CommandHandler
  long handle(OpenAdoptionSession command) {
    Permissions.requireRole(command.actor(), "open the adoption session", Role.CHAIR);
    requireNotAdopted();
    if (status == ReportStatus.IN_SESSION) {
      throw new StateConflictException(
          "session-already-open", "report " + reportId + " is in its adoption session already");
    }
    requireReady(ParagraphStatus.APPROVED, "taken into an adoption session");
    apply(new AdoptionSessionOpened(reportId, command.actor(), now()));
    return position();
  }

  @CommandHandler
  long handle(ProposeOralAmendment command, EntityRegistry registry) {
    Permissions.requireRole(command.actor(), "record oral amendments", Role.SECRETARY, Role.CHAIR);
    requireInSession("oral amendments are proposed");
    Paragraph paragraph = requireLiveParagraph(command.paragraphId());
    requirePresent("amendmentId", command.amendmentId());
    requireText("text", command.text());
    requirePresent("proposedBy", command.proposedBy());
    registry.requireKnown("proposedBy", command.proposedBy());
    requireOpenInSession(paragraph, command.paragraphId(), ParagraphTransition.ORAL_AMENDMENT_PROPOSED);
    requireNew(paragraph.hasAmendment(command.amendmentId()), "oral amendment", command.amendmentId());
    if (command.text().equals(paragraph.text())) {
      throw new InvalidCommandException(
          "unchanged-text", "text", "the amendment reads as paragraph " + command.paragraphId() + " already does");
    }
    apply(
        new OralAmendmentProposed(
            reportId,
            command.paragraphId(),
            command.amendmentId(),
            paragraph.revision(),
            command.text(),
            command.proposedBy(),
            command.actor(),
            now()));
    return position();
  }

  /**
   * The paragraph reads exactly as the amendment; an amendment proposed on a text since amended is
   * refused, since the room heard it against other words.
   */
  @CommandHandler
  long handle(AcceptOralAmendment command) {
    Permissions.requireRole(command.actor(), "accept oral amendments", Role.CHAIR);
    requireInSession("oral amendments are accepted");
    Paragraph paragraph = requireLiveParagraph(command.paragraphId());
    Paragraph.OralAmendment amendment = paragraph.amendment(command.amendmentId());
    if (amendment == null) {
      throw new NotFoundInReportException(
          "unknown-oral-amendment",
          "oral amendment " + command.amendmentId() + " was not proposed on paragraph " + command.paragraphId());
    }
    if (amendment.accepted()) {
      throw new StateConflictException(
          "oral-amendment-already-accepted", "oral amendment " + command.amendmentId() + " is accepted already");
    }
    requireOpenInSession(paragraph, command.paragraphId(), ParagraphTransition.ORAL_AMENDMENT_ACCEPTED);
    if (amendment.baseRevision() != paragraph.revision()) {
      throw new StateConflictException(
          "stale-oral-amendment",
          "oral amendment " + command.amendmentId() + " was proposed on revision " + amendment.baseRevision()
              + " of paragraph " + command.paragraphId() + ", which now reads as revision " + paragraph.revision());
    }
    apply(
        new OralAmendmentAccepted(
            reportId,
            command.paragraphId(),
            command.amendmentId(),
            paragraph.revision(),
            paragraph.revision() + 1,
            amendment.text(),
            amendment.proposedBy(),
            HashChain.sha256(amendment.text()),
            command.actor(),
            now()));
    return position();
  }

  @CommandHandler
  long handle(BracketParagraph command) {
    Permissions.requireRole(command.actor(), "bracket paragraphs", Role.CHAIR);
    requireInSession("paragraphs are bracketed");
    Paragraph paragraph = requireLiveParagraph(command.paragraphId());
    if (paragraph.status() == ParagraphStatus.BRACKETED) {
      throw new StateConflictException("already-bracketed", "paragraph " + command.paragraphId() + " is in brackets already");
    }
    requireOpenInSession(paragraph, command.paragraphId(), ParagraphTransition.BRACKETED);
    apply(new ParagraphBracketed(reportId, command.paragraphId(), paragraph.revision(), command.actor(), now()));
    return position();
  }

  @CommandHandler
  long handle(AdoptParagraphInSession command) {
    Permissions.requireRole(command.actor(), "adopt paragraphs in session", Role.CHAIR);
    requireInSession("paragraphs are adopted one by one");
    Paragraph paragraph = requireLiveParagraph(command.paragraphId());
    requireOpenInSession(paragraph, command.paragraphId(), ParagraphTransition.ADOPTED_IN_SESSION);
    apply(
        new ParagraphAdoptedInSession(
            reportId,
            command.paragraphId(),
            paragraph.revision(),
            HashChain.sha256(paragraph.text()),
            command.actor(),
            now()));
    return position();
  }

  @CommandHandler
  long handle(RecordReservation command, EntityRegistry registry) {
    Permissions.requireRole(command.actor(), "record reservations", Role.SECRETARY, Role.CHAIR);
    requireInSession("reservations and explanations of position are recorded");
    requirePresent("reservationId", command.reservationId());
    requireNew(reservations.contains(command.reservationId()), "reservation", command.reservationId());
    requirePresent("entity", command.entity());
    registry.requireKnown("entity", command.entity());
    requirePresent("kind", command.kind());
    requireText("text", command.text());
    if ((command.paragraphId() == null) == (command.decisionId() == null)) {
      throw new InvalidCommandException(
          "reservation-target",
          command.paragraphId() == null ? "paragraphId" : "decisionId",
          "a reservation bears on exactly one paragraph (paragraphId) or one decision (decisionId)");
    }
    if (command.paragraphId() != null) {
      Paragraph paragraph = paragraphs.get(command.paragraphId());
      if (paragraph == null || !paragraph.isLive()) {
        throw new InvalidCommandException(
            "unknown-reference", "paragraphId", "paragraph " + command.paragraphId() + " is not a live paragraph of this report");
      }
    } else if (!decisions.containsKey(command.decisionId())) {
      throw new InvalidCommandException(
          "unknown-reference", "decisionId", "decision " + command.decisionId() + " is not in this report");
    }
    apply(
        new ReservationRecorded(
            reportId,
            command.reservationId(),
            command.entity(),
            command.kind(),
            command.paragraphId(),
            command.decisionId(),
            command.text(),
            command.actor(),
            now()));
    return position();
  }

  @CommandHandler
  long handle(ConfirmReportAdoption command, ChainHead chainHead) {
    Permissions.requireRole(command.actor(), "confirm the report's adoption", Role.CHAIR);
    if (status != ReportStatus.ADOPTED_AD_REFERENDUM) {
      throw new StateConflictException(
          "not-adopted-ad-referendum", "report " + reportId + " is " + status + "; only a report adopted ad referendum is confirmed");
    }
    apply(new ReportAdoptionConfirmed(reportId, chainHead.hashAt(reportId, position()), command.actor(), now()));
    return position();
  }

  /**
   * Issues the next corrigendum: each change gives a live paragraph of the adopted report a new
   * text, recorded as its next revision, so the text as adopted stays in the record before it.
   * Answers the corrigendum's number, symbol and the position.
   */
  @CommandHandler
  IssuedCorrigendum handle(IssueCorrigendum command) {
    Permissions.requireRole(command.actor(), "issue corrigenda", Role.SECRETARY);
    if (status != ReportStatus.ADOPTED) {
      throw new StateConflictException(
          "report-not-adopted",
          "report " + reportId + " is " + status + "; a corrigendum corrects an adopted report"
              + (status == ReportStatus.ADOPTED_AD_REFERENDUM ? " once its adoption is confirmed" : ""));
    }
    requirePresent("corrigendumId", command.corrigendumId());
    requireText("reason", command.reason());
    if (command.changes().isEmpty()) {
      throw new InvalidCommandException("missing-field", "changes", "changes must name at least one paragraph");
    }
    List<Correction> corrections = new ArrayList<>();
    Set<ParagraphId> corrected = new HashSet<>();
    for (int i = 0; i < command.changes().size(); i++) {
      CorrectParagraph change = command.changes().get(i);
      String field = "changes[" + i + "]";
      requirePresent(field, change);
      requirePresent(field + ".paragraphId", change.paragraphId());
      Paragraph paragraph = paragraphs.get(change.paragraphId());
      if (paragraph == null || !paragraph.isLive()) {
        throw new InvalidCommandException(
            "unknown-reference", field + ".paragraphId",
            "paragraph " + change.paragraphId() + " is not a paragraph of the adopted report");
      }
      if (!corrected.add(change.paragraphId())) {
        throw new InvalidCommandException(
            "duplicate-correction", field + ".paragraphId", "the corrigendum corrects paragraph " + change.paragraphId() + " twice");
      }
      requireText(field + ".text", change.text());
      if (change.text().equals(paragraph.text())) {
        throw new InvalidCommandException(
            "unchanged-text", field + ".text", "paragraph " + change.paragraphId() + " reads so already");
      }
      corrections.add(
          new Correction(
              change.paragraphId(), paragraph.revision(), paragraph.revision() + 1, change.text(),
              HashChain.sha256(change.text())));
    }
    int number = corrigenda + 1;
    String corrigendumSymbol = symbol == null ? null : symbol + "/Corr." + number;
    apply(
        new CorrigendumIssued(
            reportId, command.corrigendumId(), number, corrigendumSymbol, command.reason(), corrections, command.actor(), now()));
    return new IssuedCorrigendum(command.corrigendumId().value(), number, corrigendumSymbol, position());
  }

  private void requireInSession(String act) {
    if (status != ReportStatus.IN_SESSION) {
      throw notInSession(act);
    }
  }

  private StateConflictException notInSession(String act) {
    return new StateConflictException(
        "not-in-session", act + " only in the adoption session; report " + reportId + " is " + status);
  }

  /** A paragraph the meeting has not settled yet: adopted text stays as adopted. */
  private static void requireOpenInSession(Paragraph paragraph, ParagraphId paragraphId, ParagraphTransition transition) {
    if (paragraph.status() == ParagraphStatus.ADOPTED) {
      throw new StateConflictException(
          "paragraph-adopted-in-session", "the meeting adopted paragraph " + paragraphId + " in session; its text is settled");
    }
    paragraph.require(transition, "paragraph-adopted-in-session", "a paragraph not yet adopted in session can be so changed");
  }

  // ---- agenda ---------------------------------------------------------------------------------

  @CommandHandler
  long handle(ProposeAgendaItem command) {
    Permissions.requireRole(command.actor(), "propose agenda items", Role.SECRETARY, Role.DELEGATE);
    requireAgendaOpen();
    requirePresent("itemId", command.itemId());
    requireNew(agenda.contains(command.itemId()), "agenda item", command.itemId());
    requireTitle("title", command.title());
    if (command.afterItemId() != null && !agenda.isLive(command.afterItemId())) {
      throw new InvalidCommandException(
          "unknown-reference",
          "afterItemId",
          "afterItemId " + command.afterItemId() + " is not a live agenda item of this report");
    }
    apply(
        new AgendaItemProposed(
            reportId, command.itemId(), command.title(), command.afterItemId(), command.actor(), now()));
    return position();
  }

  @CommandHandler
  long handle(AmendAgendaItem command) {
    Permissions.requireRole(command.actor(), "amend agenda items", Role.SECRETARY);
    requireAgendaOpen();
    agenda.requireLive(command.itemId());
    requireTitle("title", command.title());
    apply(new AgendaItemAmended(reportId, command.itemId(), command.title(), command.actor(), now()));
    return position();
  }

  @CommandHandler
  long handle(WithdrawAgendaItem command) {
    Permissions.requireRole(command.actor(), "withdraw agenda items", Role.SECRETARY);
    requireAgendaOpen();
    agenda.requireLive(command.itemId());
    apply(new AgendaItemWithdrawn(reportId, command.itemId(), command.actor(), now()));
    return position();
  }

  @CommandHandler
  long handle(AdoptAgenda command) {
    Permissions.requireRole(command.actor(), "adopt the agenda", Role.CHAIR);
    requireAgendaOpen();
    apply(new AgendaAdopted(reportId, agenda.toNumber(), command.actor(), now()));
    return position();
  }

  // ---- sections and participants --------------------------------------------------------------

  @CommandHandler
  long handle(AddSection command) {
    Permissions.requireRole(command.actor(), "lay out sections", Role.SECRETARY);
    requireNotAdopted();
    requirePresent("sectionId", command.sectionId());
    requireNew(sections.contains(command.sectionId()), "section", command.sectionId());
    ReportPolicies.requireChapter(command.chapter());
    requireTitle("title", command.title());
    if (command.afterSectionId() != null && !sections.contains(command.afterSectionId())) {
      throw new InvalidCommandException(
          "unknown-reference",
          "afterSectionId",
          "afterSectionId " + command.afterSectionId() + " is not a section of this report");
    }
    for (AgendaItemId itemId : command.agendaItemIds()) {
      if (!agenda.isLive(itemId)) {
        throw new InvalidCommandException(
            "unknown-reference",
            "agendaItemIds",
            "agenda item " + itemId + " is not a live agenda item of this report");
      }
    }
    apply(
        new SectionAdded(
            reportId,
            command.sectionId(),
            command.chapter(),
            command.title(),
            command.agendaItemIds(),
            command.afterSectionId(),
            command.actor(),
            now()));
    return position();
  }

  @CommandHandler
  long handle(AddParticipant command) {
    Permissions.requireRole(command.actor(), "add participants", Role.SECRETARY);
    requireNotAdopted();
    requirePresent("participantId", command.participantId());
    requireNew(participants.contains(command.participantId()), "participant", command.participantId());
    requireTitle("entity", command.entity());
    requireTitle("name", command.name());
    requirePresent("role", command.role());
    apply(
        new ParticipantAdded(
            reportId,
            command.participantId(),
            command.entity(),
            command.name(),
            command.role(),
            command.actor(),
            now()));
    return position();
  }

  @CommandHandler
  long handle(RemoveParticipant command) {
    Permissions.requireRole(command.actor(), "remove participants", Role.SECRETARY);
    requireNotAdopted();
    if (!participants.contains(command.participantId())) {
      throw new NotFoundInReportException(
          "unknown-participant", "participant " + command.participantId() + " is not in this report");
    }
    apply(new ParticipantRemoved(reportId, command.participantId(), command.actor(), now()));
    return position();
  }

  // ---- paragraphs -----------------------------------------------------------------------------

  @CommandHandler
  long handle(DraftParagraph command) {
    if (status == ReportStatus.IN_SESSION) {
      if (command.actor().is(Role.DELEGATE)) {
        throw draftingClosed("delegates draft nothing");
      }
      // In session a paragraph is inserted by the secretary or the chair, the one thing a chair drafts.
      Permissions.requireRole(command.actor(), "insert paragraphs in session", Role.SECRETARY, Role.CHAIR);
    } else {
      Permissions.requireRole(command.actor(), "draft paragraphs", Role.SECRETARY, Role.DELEGATE);
    }
    requireNotAdopted();
    String authorEntity = Permissions.authorEntityOf(command.actor());
    requirePresent("paragraphId", command.paragraphId());
    requireNew(paragraphs.containsKey(command.paragraphId()), "paragraph", command.paragraphId());
    requireSection(command.sectionId());
    requireText("text", command.text());
    if (command.afterParagraphId() != null) {
      Paragraph after = paragraphs.get(command.afterParagraphId());
      if (after == null || !after.sectionId().equals(command.sectionId())) {
        throw new InvalidCommandException(
            "unknown-reference",
            "afterParagraphId",
            "afterParagraphId " + command.afterParagraphId()
                + " is not a paragraph of section " + command.sectionId());
      }
    }
    apply(
        new ParagraphDrafted(
            reportId,
            command.paragraphId(),
            command.sectionId(),
            command.afterParagraphId(),
            command.text(),
            authorEntity,
            1,
            command.actor(),
            now()));
    return position();
  }

  /**
   * Revises a paragraph from the revision its author saw. Any revision sends the paragraph back to
   * draft; when it had been approved the event says so, so the chair is never silently bypassed.
   * Re-sending the current text is rejected: it would add a revision, and reopen an approval, for
   * no change of words.
   */
  @CommandHandler
  long handle(ReviseParagraph command) {
    Paragraph paragraph = requireOwnLiveParagraph(command.actor(), command.paragraphId(), "revise paragraphs");
    requireText("text", command.text());
    if (command.baseRevision() != paragraph.revision()) {
      throw new StaleRevisionException(
          command.paragraphId(), command.baseRevision(), paragraph.revision(), paragraph.text());
    }
    if (command.text().equals(paragraph.text())) {
      throw new InvalidCommandException(
          "unchanged-text",
          "text",
          "the text is identical to revision " + paragraph.revision() + " of paragraph " + command.paragraphId());
    }
    apply(
        new ParagraphRevised(
            reportId,
            command.paragraphId(),
            paragraph.revision(),
            paragraph.revision() + 1,
            command.text(),
            paragraph.status() == ParagraphStatus.APPROVED,
            command.actor(),
            now()));
    return position();
  }

  @CommandHandler
  long handle(SubmitParagraph command) {
    Paragraph paragraph = requireOwnLiveParagraph(command.actor(), command.paragraphId(), "submit paragraphs");
    paragraph.require(ParagraphTransition.SUBMITTED, "paragraph-not-submittable",
        "a draft or returned paragraph can be submitted");
    apply(new ParagraphSubmitted(reportId, command.paragraphId(), paragraph.revision(), command.actor(), now()));
    return position();
  }

  /**
   * Approves exactly the current revision. The chair may approve a paragraph that was never
   * submitted: submission is the authors' signal that they are done, the chair's approval of a
   * named revision is what guards the text, and a later revision reopens it.
   */
  @CommandHandler
  long handle(ApproveParagraph command, ApprovalPolicy approvalPolicy) {
    Permissions.requireRole(command.actor(), "approve paragraphs", Role.CHAIR);
    requireDrafting("paragraphs are approved");
    Paragraph paragraph = requireLiveParagraph(command.paragraphId());
    if (command.revision() != paragraph.revision()) {
      throw new StateConflictException(
          "revision-not-current",
          "revision " + command.revision() + " of paragraph " + command.paragraphId()
              + " is not the current one; the current revision is " + paragraph.revision());
    }
    if (!ParagraphTransition.APPROVED.allowedFrom(paragraph.status())) {
      throw new StateConflictException(
          "already-approved",
          "revision " + paragraph.revision() + " of paragraph " + command.paragraphId() + " is already approved");
    }
    approvalPolicy.requireMayApprove(command.actor(), paragraph.revisionAuthor(), "paragraph " + command.paragraphId());
    apply(new ParagraphApproved(reportId, command.paragraphId(), paragraph.revision(),
        HashChain.sha256(paragraph.text()), command.actor(), now()));
    return position();
  }

  @CommandHandler
  long handle(ReturnParagraph command) {
    Permissions.requireRole(command.actor(), "return paragraphs", Role.CHAIR);
    requireDrafting("paragraphs are returned");
    Paragraph paragraph = requireLiveParagraph(command.paragraphId());
    requireText("comment", command.comment());
    paragraph.require(ParagraphTransition.RETURNED, "paragraph-not-submitted",
        "a submitted paragraph can be returned");
    apply(
        new ParagraphReturned(
            reportId, command.paragraphId(), paragraph.revision(), command.comment(), command.actor(), now()));
    return position();
  }

  @CommandHandler
  long handle(WithdrawParagraph command) {
    if (status == ReportStatus.IN_SESSION) {
      // In session only the meeting deletes text, through its chair: bracketed text, say.
      Permissions.requireRole(command.actor(), "withdraw paragraphs in session", Role.CHAIR);
      Paragraph paragraph = requireLiveParagraph(command.paragraphId());
      requireOpenInSession(paragraph, command.paragraphId(), ParagraphTransition.WITHDRAWN);
    } else {
      requireOwnLiveParagraph(command.actor(), command.paragraphId(), "withdraw paragraphs");
    }
    apply(new ParagraphWithdrawn(reportId, command.paragraphId(), command.actor(), now()));
    return position();
  }

  // ---- decisions ------------------------------------------------------------------------------

  @CommandHandler
  long handle(ProposeDecision command) {
    Permissions.requireRole(command.actor(), "propose decisions", Role.SECRETARY, Role.DELEGATE);
    requireDrafting("decisions are proposed");
    String authorEntity = Permissions.authorEntityOf(command.actor());
    requirePresent("decisionId", command.decisionId());
    requireNew(decisions.containsKey(command.decisionId()), "decision", command.decisionId());
    requireSection(command.sectionId());
    requirePresent("kind", command.kind());
    requireText("text", command.text());
    apply(
        new DecisionProposed(
            reportId,
            command.decisionId(),
            command.sectionId(),
            command.kind(),
            command.text(),
            authorEntity,
            command.actor(),
            now()));
    return position();
  }

  @CommandHandler
  long handle(AdoptDecision command) {
    Permissions.requireRole(command.actor(), "adopt decisions", Role.CHAIR);
    requireDrafting("decisions are adopted one by one");
    DecisionStatus decision = decisions.get(command.decisionId());
    if (decision == null) {
      throw new NotFoundInReportException(
          "unknown-decision", "decision " + command.decisionId() + " is not in this report");
    }
    if (decision != DecisionStatus.PROPOSED) {
      throw new StateConflictException(
          "decision-not-proposed", "decision " + command.decisionId() + " is already " + decision);
    }
    apply(new DecisionAdopted(reportId, command.decisionId(), command.actor(), now()));
    return position();
  }

  // ---- state checks ---------------------------------------------------------------------------

  private void requireNotAdopted() {
    if (status.isAdopted()) {
      throw new StateConflictException(
          "report-adopted", "report " + reportId + " is adopted and frozen; a correction is a corrigendum");
    }
  }

  /** Drafting acts: refused once the report is adopted, and closed while it is in session. */
  private void requireDrafting(String act) {
    requireNotAdopted();
    if (status == ReportStatus.IN_SESSION) {
      throw draftingClosed(act + " no longer");
    }
  }

  private StateConflictException draftingClosed(String what) {
    return new StateConflictException(
        "drafting-closed-in-session",
        "report " + reportId + " is in its adoption session: " + what
            + "; the text changes only by oral amendments the chair accepts");
  }

  private void requireAgendaOpen() {
    requireNotAdopted();
    agenda.requireOpen(reportId);
  }

  private void requireSection(SectionId sectionId) {
    requirePresent("sectionId", sectionId);
    if (!sections.contains(sectionId)) {
      throw new InvalidCommandException(
          "unknown-reference", "sectionId", "section " + sectionId + " is not a section of this report");
    }
  }

  /**
   * What revising, submitting and withdrawing share: a drafting role, a report not yet adopted, a
   * live paragraph, and the actor's entity as its author (the secretary acts on any).
   */
  private Paragraph requireOwnLiveParagraph(Actor actor, ParagraphId paragraphId, String action) {
    Permissions.requireRole(actor, action, Role.SECRETARY, Role.DELEGATE);
    requireDrafting("paragraphs are revised, submitted or withdrawn");
    Paragraph paragraph = requireLiveParagraph(paragraphId);
    Permissions.requireAuthorEntity(actor, paragraph.authorEntity(), "paragraph " + paragraphId);
    return paragraph;
  }

  private Paragraph requireLiveParagraph(ParagraphId paragraphId) {
    Paragraph paragraph = paragraphs.get(paragraphId);
    if (paragraph == null) {
      throw new NotFoundInReportException(
          "unknown-paragraph", "paragraph " + paragraphId + " is not in this report");
    }
    if (!paragraph.isLive()) {
      throw new StateConflictException("paragraph-withdrawn", "paragraph " + paragraphId + " is withdrawn");
    }
    return paragraph;
  }

  private static void requireNew(boolean exists, String what, Object id) {
    if (exists) {
      throw new StateConflictException("duplicate-id", "this report already has a " + what + " " + id);
    }
  }

  /** When the command is accepted: Axon's event clock, which tests can fix. */
  private static Instant now() {
    return GenericEventMessage.clock.instant();
  }

  /** The position after the events just applied: their last sequence number (from 0) plus one. */
  private static long position() {
    return AggregateLifecycle.getVersion() + 1;
  }

  // ---- event sourcing: assignments only -------------------------------------------------------

  @EventSourcingHandler
  void on(ReportCreated event) {
    reportId = event.reportId();
    status = ReportStatus.DRAFT;
    symbol = event.header().symbol();
  }

  @EventSourcingHandler
  void on(MemberEntityAdded event) {
    memberEntities.add(event.entity());
  }

  @EventSourcingHandler
  void on(MemberEntityRemoved event) {
    memberEntities.remove(event.entity());
  }

  @EventSourcingHandler
  void on(AgendaItemProposed event) {
    Membership.impliedBy(event).ifPresent(memberEntities::add);
    agenda.on(event);
  }

  @EventSourcingHandler
  void on(AgendaItemWithdrawn event) {
    agenda.on(event);
  }

  @EventSourcingHandler
  void on(AgendaAdopted event) {
    agenda.on(event);
  }

  @EventSourcingHandler
  void on(SectionAdded event) {
    sections.add(event.sectionId());
  }

  @EventSourcingHandler
  void on(ParticipantAdded event) {
    participants.add(event.participantId());
  }

  @EventSourcingHandler
  void on(ParticipantRemoved event) {
    participants.remove(event.participantId());
  }

  @EventSourcingHandler
  void on(ParagraphDrafted event) {
    Membership.impliedBy(event).ifPresent(memberEntities::add);
    paragraphs.put(event.paragraphId(), Paragraph.drafted(event));
  }

  /** Every later fact about a paragraph is the paragraph's own to apply. */
  @EventSourcingHandler
  void on(ParagraphEvent event) {
    Paragraph paragraph = paragraphs.get(event.paragraphId());
    if (paragraph != null) {
      paragraph.on(event);
    }
  }

  @EventSourcingHandler
  void on(DecisionProposed event) {
    Membership.impliedBy(event).ifPresent(memberEntities::add);
    decisions.put(event.decisionId(), DecisionStatus.PROPOSED);
  }

  @EventSourcingHandler
  void on(DecisionAdopted event) {
    decisions.put(event.decisionId(), DecisionStatus.ADOPTED);
  }

  @EventSourcingHandler
  void on(ReportAdopted event) {
    status = ReportStatus.ADOPTED;
  }

  @EventSourcingHandler
  void on(AdoptionSessionOpened event) {
    status = ReportStatus.IN_SESSION;
  }

  @EventSourcingHandler
  void on(ReportAdoptedAdReferendum event) {
    status = ReportStatus.ADOPTED_AD_REFERENDUM;
  }

  @EventSourcingHandler
  void on(ReportAdoptionConfirmed event) {
    status = ReportStatus.ADOPTED;
  }

  @EventSourcingHandler
  void on(ReservationRecorded event) {
    reservations.add(event.reservationId());
  }

  @EventSourcingHandler
  void on(CorrigendumIssued event) {
    corrigenda = event.number();
    for (Correction correction : event.corrections()) {
      Paragraph paragraph = paragraphs.get(correction.paragraphId());
      if (paragraph != null) {
        paragraph.corrected(correction, event.actor().user());
      }
    }
  }
}
