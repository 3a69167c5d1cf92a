package org.rapporteur.query.draft;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.rapporteur.shared.integrity.HashChain;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.AdoptionSessionOpened;
import org.rapporteur.shared.report.Correction;
import org.rapporteur.shared.report.CorrigendumId;
import org.rapporteur.shared.report.CorrigendumIssued;
import org.rapporteur.shared.report.OralAmendmentAccepted;
import org.rapporteur.shared.report.OralAmendmentId;
import org.rapporteur.shared.report.OralAmendmentProposed;
import org.rapporteur.shared.report.ParagraphAdoptedInSession;
import org.rapporteur.shared.report.ParagraphBracketed;
import org.rapporteur.shared.report.ReportAdoptedAdReferendum;
import org.rapporteur.shared.report.ReportAdoptionConfirmed;
import org.rapporteur.shared.report.ReservationId;
import org.rapporteur.shared.report.ReservationKind;
import org.rapporteur.shared.report.ReservationRecorded;
import org.rapporteur.shared.report.AgendaAdopted;
import org.rapporteur.shared.report.AgendaItemAmended;
import org.rapporteur.shared.report.AgendaItemId;
import org.rapporteur.shared.report.AgendaItemProposed;
import org.rapporteur.shared.report.AgendaItemWithdrawn;
import org.rapporteur.shared.report.DecisionAdopted;
import org.rapporteur.shared.report.DecisionId;
import org.rapporteur.shared.report.DecisionKind;
import org.rapporteur.shared.report.DecisionProposed;
import org.rapporteur.shared.report.MemberEntityAdded;
import org.rapporteur.shared.report.MemberEntityRemoved;
import org.rapporteur.shared.report.ParagraphApproved;
import org.rapporteur.shared.report.ParagraphDrafted;
import org.rapporteur.shared.report.ParagraphEvent;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphReturned;
import org.rapporteur.shared.report.ParagraphRevised;
import org.rapporteur.shared.report.ParagraphSubmitted;
import org.rapporteur.shared.report.ParagraphWithdrawn;
import org.rapporteur.shared.report.ParticipantAdded;
import org.rapporteur.shared.report.ParticipantId;
import org.rapporteur.shared.report.ParticipantRemoved;
import org.rapporteur.shared.report.ParticipantRole;
import org.rapporteur.shared.report.ReportAdopted;
import org.rapporteur.shared.report.ReportCreated;
import org.rapporteur.shared.report.ReportEvent;
import org.rapporteur.shared.report.ReportHeader;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.Role;
import org.rapporteur.shared.report.SectionAdded;
import org.rapporteur.shared.report.SectionId;

/**
 * Writes a report's stream by hand, one event a minute from a fixed instant, with positions 1, 2,
 * 3... Paragraph revisions are counted here so tests name only what matters to them.
 */
public final class EventLog {
  public static final ReportId REPORT = ReportId.of("un-space-40");
  public static final Instant START = Instant.parse("2021-12-14T09:00:00Z");
  public static final Actor SECRETARY = new Actor("secretary", Role.SECRETARY, null);
  public static final Actor CHAIR = new Actor("chair", Role.CHAIR, null);
  public static final Actor ITU = new Actor("itu", Role.DELEGATE, "ITU");

  private final List<RecordedEvent> events = new ArrayList<>();
  private final Map<String, Integer> revisions = new HashMap<>();
  private final Map<String, String> texts = new HashMap<>();

  public static EventLog created() {
    EventLog log = new EventLog();
    return log.add(new ReportCreated(REPORT, new ReportHeader(
        "Inter-Agency Meeting on Outer Space Activities", 40,
        "Report of the Inter-Agency Meeting on Outer Space Activities on its fortieth session",
        "online", LocalDate.of(2021, 12, 14), LocalDate.of(2021, 12, 14), "zh",
        "Committee on the Peaceful Uses of Outer Space\nSixty-fifth session", "13", null,
        List.of("A/AC.105/L.327.")), SECRETARY, log.nextInstant()));
  }

  /**
   * A report's life with at least one event of every type, each one after what it acts on, so
   * that each one's effect shows: what the tests that every fold handles every event walk.
   */
  public static EventLog everyEventType() {
    return created()
        .item("i1", "Opening of the session").item("i2", "Adoption of the agenda")
        .item("i3", "Other matters")
        .amendItem("i2", "Adoption of the agenda and organization of work").withdrawItem("i3")
        .adoptAgenda("i1", "i2")
        .section("intro", "I", "Introduction").section("opening", "I", "Opening", "i1", "i2")
        .participant("itu", "ITU", "International Telecommunication Union",
            ParticipantRole.REPRESENTATIVE)
        .participant("wmo", "WMO", "World Meteorological Organization",
            ParticipantRole.REPRESENTATIVE)
        .removeParticipant("wmo")
        .member("WMO").removeMember("WMO")
        .paragraph("p1", "intro", "The Meeting held its fortieth session online.")
        .revise("p1", "The Meeting held its fortieth session online on 20 and 21 August 2020.")
        .submit("p1").returnWith("p1", "Please give the dates.").approve("p1")
        .paragraph("p2", "intro", "Drafted by mistake.").withdraw("p2")
        .decision("d1", "opening", DecisionKind.AGREED, "The Meeting agreed to meet in Geneva.")
        .adoptDecision("d1")
        .adoptReport();
  }

  /**
   * A report taken through its adoption session and past it: an oral amendment, a "bis"
   * paragraph, brackets, adoption in session, a reservation, adoption ad referendum, its
   * confirmation and a corrigendum.
   */
  public static EventLog sessionAndAfter() {
    return created()
        .section("intro", "I", "Introduction")
        .paragraph("p1", "intro", "The Meeting held its fortieth session online.").approve("p1")
        .paragraph("p2", "intro", "The Meeting welcomed the report.").approve("p2")
        .openSession()
        .proposeAmendment("p1", "a1", "The Meeting held its fortieth session online on 14 December 2021.", "WMO")
        .acceptAmendment("p1", "a1")
        .paragraphAfter("p1bis", "intro", "p1", "The Meeting observed a minute of silence.")
        .bracket("p1bis").adoptInSession("p1").adoptInSession("p1bis").adoptInSession("p2")
        .reservation("r1", "WMO", "p1", "WMO reserved its position on the date.")
        .adoptReportAdReferendum().confirmAdoption()
        .corrigendum(1, "p2", "The Meeting welcomed the report with appreciation.");
  }

  /** The stories that, together, hold every event type: what the every-event tests walk. */
  public static List<List<RecordedEvent>> stories() {
    return List.of(everyEventType().events(), sessionAndAfter().events());
  }

  /** Every event record, through nested sealed interfaces such as {@link ParagraphEvent}. */
  public static List<Class<?>> eventTypes() {
    return records(ReportEvent.class).toList();
  }

  private static Stream<Class<?>> records(Class<?> type) {
    return type.isRecord()
        ? Stream.of(type)
        : Arrays.stream(type.getPermittedSubclasses()).flatMap(EventLog::records);
  }

  public EventLog add(ReportEvent event) {
    events.add(new RecordedEvent(events.size() + 1, "evt-" + (events.size() + 1), event.at(),
        event));
    return this;
  }

  public Instant nextInstant() {
    return START.plus(Duration.ofMinutes(events.size()));
  }

  public EventLog item(String id, String title) {
    return itemAfter(id, title, null);
  }

  public EventLog itemAfter(String id, String title, String afterId) {
    return add(new AgendaItemProposed(REPORT, AgendaItemId.of(id), title,
        afterId == null ? null : AgendaItemId.of(afterId), SECRETARY, nextInstant()));
  }

  public EventLog amendItem(String id, String title) {
    return add(new AgendaItemAmended(REPORT, AgendaItemId.of(id), title, SECRETARY,
        nextInstant()));
  }

  public EventLog withdrawItem(String id) {
    return add(new AgendaItemWithdrawn(REPORT, AgendaItemId.of(id), SECRETARY, nextInstant()));
  }

  public EventLog adoptAgenda(String... ids) {
    return add(new AgendaAdopted(REPORT, Arrays.stream(ids).map(AgendaItemId::of).toList(), CHAIR,
        nextInstant()));
  }

  public EventLog section(String id, String chapter, String title, String... itemIds) {
    return sectionAfter(id, chapter, title, null, itemIds);
  }

  public EventLog sectionAfter(String id, String chapter, String title, String afterId,
      String... itemIds) {
    return add(new SectionAdded(REPORT, SectionId.of(id), chapter, title,
        Arrays.stream(itemIds).map(AgendaItemId::of).toList(),
        afterId == null ? null : SectionId.of(afterId), SECRETARY, nextInstant()));
  }

  public EventLog participant(String id, String entity, String name, ParticipantRole role) {
    return add(new ParticipantAdded(REPORT, ParticipantId.of(id), entity, name, role, SECRETARY,
        nextInstant()));
  }

  public EventLog member(String entity) {
    return add(new MemberEntityAdded(REPORT, entity, SECRETARY, nextInstant()));
  }

  public EventLog removeMember(String entity) {
    return add(new MemberEntityRemoved(REPORT, entity, SECRETARY, nextInstant()));
  }

  public EventLog removeParticipant(String id) {
    return add(new ParticipantRemoved(REPORT, ParticipantId.of(id), SECRETARY, nextInstant()));
  }

  public EventLog paragraph(String id, String sectionId, String text) {
    return paragraphAfter(id, sectionId, null, text);
  }

  public EventLog paragraphAfter(String id, String sectionId, String afterId, String text) {
    revisions.put(id, 1);
    texts.put(id, text);
    return add(new ParagraphDrafted(REPORT, ParagraphId.of(id), SectionId.of(sectionId),
        afterId == null ? null : ParagraphId.of(afterId), text, ITU.entity(), 1, ITU,
        nextInstant()));
  }

  public EventLog revise(String id, String text) {
    return revise(id, text, false, ITU);
  }

  public EventLog revise(String id, String text, boolean approvalReopened, Actor actor) {
    int base = revisions.get(id);
    revisions.put(id, base + 1);
    texts.put(id, text);
    return add(new ParagraphRevised(REPORT, ParagraphId.of(id), base, base + 1, text,
        approvalReopened, actor, nextInstant()));
  }

  public EventLog submit(String id) {
    return add(new ParagraphSubmitted(REPORT, ParagraphId.of(id), revisions.get(id), ITU,
        nextInstant()));
  }

  public EventLog approve(String id) {
    return add(new ParagraphApproved(REPORT, ParagraphId.of(id), revisions.get(id), HashChain.sha256(texts.get(id)),
        CHAIR, nextInstant()));
  }

  public EventLog returnWith(String id, String comment) {
    return add(new ParagraphReturned(REPORT, ParagraphId.of(id), revisions.get(id), comment, CHAIR,
        nextInstant()));
  }

  public EventLog withdraw(String id) {
    return add(new ParagraphWithdrawn(REPORT, ParagraphId.of(id), ITU, nextInstant()));
  }

  public EventLog decision(String id, String sectionId, DecisionKind kind, String text) {
    return add(new DecisionProposed(REPORT, DecisionId.of(id), SectionId.of(sectionId), kind, text,
        ITU.entity(), ITU, nextInstant()));
  }

  public EventLog adoptDecision(String id) {
    return add(new DecisionAdopted(REPORT, DecisionId.of(id), CHAIR, nextInstant()));
  }

  public EventLog adoptReport() {
    return add(new ReportAdopted(REPORT, null, CHAIR, nextInstant()));
  }

  public EventLog openSession() {
    return add(new AdoptionSessionOpened(REPORT, CHAIR, nextInstant()));
  }

  public EventLog proposeAmendment(String id, String amendmentId, String text, String entity) {
    return add(new OralAmendmentProposed(REPORT, ParagraphId.of(id), OralAmendmentId.of(amendmentId), revisions.get(id),
        text, entity, SECRETARY, nextInstant()));
  }

  /** Accepts the amendment last proposed under that id, whose text the events hold. */
  public EventLog acceptAmendment(String id, String amendmentId) {
    OralAmendmentProposed proposed = events.stream()
        .map(RecordedEvent::event)
        .filter(e -> e instanceof OralAmendmentProposed p && p.amendmentId().value().equals(amendmentId))
        .map(OralAmendmentProposed.class::cast)
        .reduce((first, second) -> second)
        .orElseThrow();
    int base = revisions.get(id);
    revisions.put(id, base + 1);
    texts.put(id, proposed.text());
    return add(new OralAmendmentAccepted(REPORT, ParagraphId.of(id), proposed.amendmentId(), base, base + 1,
        proposed.text(), proposed.proposedBy(), HashChain.sha256(proposed.text()), CHAIR, nextInstant()));
  }

  public EventLog bracket(String id) {
    return add(new ParagraphBracketed(REPORT, ParagraphId.of(id), revisions.get(id), CHAIR, nextInstant()));
  }

  public EventLog adoptInSession(String id) {
    return add(new ParagraphAdoptedInSession(REPORT, ParagraphId.of(id), revisions.get(id),
        HashChain.sha256(texts.get(id)), CHAIR, nextInstant()));
  }

  public EventLog reservation(String id, String entity, String paragraphId, String text) {
    return add(new ReservationRecorded(REPORT, ReservationId.of(id), entity, ReservationKind.RESERVATION,
        ParagraphId.of(paragraphId), null, text, SECRETARY, nextInstant()));
  }

  public EventLog adoptReportAdReferendum() {
    return add(new ReportAdoptedAdReferendum(REPORT, null, CHAIR, nextInstant()));
  }

  public EventLog confirmAdoption() {
    return add(new ReportAdoptionConfirmed(REPORT, null, CHAIR, nextInstant()));
  }

  public EventLog corrigendum(int number, String id, String text) {
    int base = revisions.get(id);
    revisions.put(id, base + 1);
    texts.put(id, text);
    return add(new CorrigendumIssued(REPORT, CorrigendumId.of("corr-" + number), number, null, "A correction.",
        List.of(new Correction(ParagraphId.of(id), base, base + 1, text, HashChain.sha256(text))), SECRETARY,
        nextInstant()));
  }

  public List<RecordedEvent> events() {
    return List.copyOf(events);
  }

  public RecordedEvent at(long position) {
    return events.get((int) position - 1);
  }

  public int size() {
    return events.size();
  }
}
