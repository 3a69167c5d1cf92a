package org.rapporteur.demo;

import java.util.List;
import java.util.Map;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.AgendaItemId;
import org.rapporteur.shared.report.DecisionId;
import org.rapporteur.shared.report.DecisionKind;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParticipantId;
import org.rapporteur.shared.report.ParticipantRole;
import org.rapporteur.shared.report.ReportHeader;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.ReservationKind;
import org.rapporteur.shared.report.SectionId;

/**
 * A validated scenario: a report's content and the story of commands that builds it. Read one with
 * {@link ScenarioReader}, play it with {@link ScenarioRunner}.
 *
 * @param reportId the report the scenario creates
 * @param header the report's header
 * @param actors the users who act, by user name
 * @param agenda the agenda items in order
 * @param sections the sections in document order, each with its numbered units
 * @param participants the participants in annex order
 * @param members the codes of the report's member entities, given when it is created
 * @param stages the story: each stage is sent after the one before has finished
 */
public record Scenario(
    ReportId reportId,
    ReportHeader header,
    Map<String, Actor> actors,
    List<AgendaItem> agenda,
    List<Section> sections,
    List<Participant> participants,
    List<String> members,
    List<Stage> stages) {

  public Scenario {
    actors = Map.copyOf(actors);
    agenda = List.copyOf(agenda);
    sections = List.copyOf(sections);
    participants = List.copyOf(participants);
    members = List.copyOf(members);
    stages = List.copyOf(stages);
  }

  /** Every numbered unit (paragraph or decision) in document order. */
  List<Unit> units() {
    return sections.stream().flatMap(s -> s.units().stream()).toList();
  }

  record AgendaItem(String key, AgendaItemId id, String title) {}

  record Section(
      String key,
      SectionId id,
      String chapter,
      String title,
      List<AgendaItemId> agendaItemIds,
      List<Unit> units) {}

  /** A numbered unit: a paragraph ({@code decisionId} null) or a decision of some kind. */
  record Unit(
      String key,
      SectionId sectionId,
      ParagraphId paragraphId,
      DecisionId decisionId,
      DecisionKind kind,
      String text) {
    boolean isDecision() {
      return decisionId != null;
    }
  }

  record Participant(
      String key, ParticipantId id, ParticipantRole role, String name, String entity) {}

  /** Steps sent one after another, or, when {@code parallel}, one thread per actor. */
  record Stage(boolean parallel, List<Step> steps) {}

  /**
   * One command to send. {@code key} names what it acts on (null for report-wide commands);
   * {@code label} names the step in the YAML ("step 6.2") for messages.
   */
  record Step(
      String label,
      String user,
      Actor actor,
      Command command,
      String key,
      String text,
      String comment,
      Integer baseRevision,
      boolean expectStale,
      Session session) {

    String describe() {
      return label + " (" + command.yamlName() + (key == null ? "" : " " + key) + " as " + user + ")";
    }
  }

  /**
   * What a step of the adoption session adds (all null or false elsewhere).
   *
   * @param after the paragraph a paragraph inserted in session follows
   * @param by the entity whose delegation proposed an oral amendment or made a reservation
   * @param kind a reservation's kind
   * @param reason why a corrigendum was issued
   * @param adReferendum whether the report is adopted ad referendum
   */
  record Session(String after, String by, ReservationKind kind, String reason, boolean adReferendum) {
    static final Session NONE = new Session(null, null, null, null, false);
  }

  /** The commands a step may name, spelled in YAML as the contract's record names. */
  enum Command {
    CREATE_REPORT("CreateReport", Target.NONE),
    PROPOSE_AGENDA_ITEM("ProposeAgendaItem", Target.AGENDA_ITEM),
    ADOPT_AGENDA("AdoptAgenda", Target.NONE),
    ADD_SECTION("AddSection", Target.SECTION),
    ADD_PARTICIPANT("AddParticipant", Target.PARTICIPANT),
    DRAFT_PARAGRAPH("DraftParagraph", Target.PARAGRAPH),
    REVISE_PARAGRAPH("ReviseParagraph", Target.PARAGRAPH),
    SUBMIT_PARAGRAPH("SubmitParagraph", Target.PARAGRAPH),
    RETURN_PARAGRAPH("ReturnParagraph", Target.PARAGRAPH),
    APPROVE_PARAGRAPH("ApproveParagraph", Target.PARAGRAPH),
    PROPOSE_DECISION("ProposeDecision", Target.DECISION),
    ADOPT_DECISION("AdoptDecision", Target.DECISION),
    ADOPT_REPORT("AdoptReport", Target.NONE),
    OPEN_ADOPTION_SESSION("OpenAdoptionSession", Target.NONE),
    PROPOSE_ORAL_AMENDMENT("ProposeOralAmendment", Target.PARAGRAPH),
    ACCEPT_ORAL_AMENDMENT("AcceptOralAmendment", Target.PARAGRAPH),
    BRACKET_PARAGRAPH("BracketParagraph", Target.PARAGRAPH),
    ADOPT_PARAGRAPH_IN_SESSION("AdoptParagraphInSession", Target.PARAGRAPH),
    RECORD_RESERVATION("RecordReservation", Target.PARAGRAPH),
    CONFIRM_REPORT_ADOPTION("ConfirmReportAdoption", Target.NONE),
    ISSUE_CORRIGENDUM("IssueCorrigendum", Target.PARAGRAPH);

    private final String yamlName;
    private final Target target;

    Command(String yamlName, Target target) {
      this.yamlName = yamlName;
      this.target = target;
    }

    String yamlName() {
      return yamlName;
    }

    Target target() {
      return target;
    }

    static Command named(String name) {
      for (Command c : values()) {
        if (c.yamlName.equals(name)) {
          return c;
        }
      }
      return null;
    }
  }

  /** What kind of thing a command's {@code on} names. */
  enum Target {
    NONE("nothing"),
    AGENDA_ITEM("agenda item"),
    SECTION("section"),
    PARTICIPANT("participant"),
    PARAGRAPH("paragraph"),
    DECISION("decision");

    private final String noun;

    Target(String noun) {
      this.noun = noun;
    }

    String noun() {
      return noun;
    }
  }
}
