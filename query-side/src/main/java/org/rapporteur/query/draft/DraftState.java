package org.rapporteur.query.draft;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.rapporteur.shared.draft.AgendaItemView;
import org.rapporteur.shared.draft.CorrigendumView;
import org.rapporteur.shared.draft.NumberSuffixes;
import org.rapporteur.shared.draft.OralAmendmentView;
import org.rapporteur.shared.draft.ReservationView;
import org.rapporteur.shared.report.AdoptionSessionOpened;
import org.rapporteur.shared.report.Correction;
import org.rapporteur.shared.report.CorrigendumIssued;
import org.rapporteur.shared.report.OralAmendmentAccepted;
import org.rapporteur.shared.report.OralAmendmentProposed;
import org.rapporteur.shared.report.ParagraphAdoptedInSession;
import org.rapporteur.shared.report.ParagraphBracketed;
import org.rapporteur.shared.report.ReportAdoptedAdReferendum;
import org.rapporteur.shared.report.ReportAdoptionConfirmed;
import org.rapporteur.shared.report.ReservationRecorded;
import org.rapporteur.shared.draft.DecisionUnit;
import org.rapporteur.shared.draft.DecisionView;
import org.rapporteur.shared.draft.DraftUnit;
import org.rapporteur.shared.draft.MemberView;
import org.rapporteur.shared.draft.ParagraphUnit;
import org.rapporteur.shared.draft.ParticipantView;
import org.rapporteur.shared.draft.ReportDraft;
import org.rapporteur.shared.draft.SectionView;
import org.rapporteur.shared.report.AgendaAdopted;
import org.rapporteur.shared.report.AgendaItemAmended;
import org.rapporteur.shared.report.AgendaItemId;
import org.rapporteur.shared.report.AgendaItemProposed;
import org.rapporteur.shared.report.AgendaItemStatus;
import org.rapporteur.shared.report.AgendaItemWithdrawn;
import org.rapporteur.shared.report.DecisionAdopted;
import org.rapporteur.shared.report.DecisionId;
import org.rapporteur.shared.report.DecisionKind;
import org.rapporteur.shared.report.DecisionProposed;
import org.rapporteur.shared.report.DecisionStatus;
import org.rapporteur.shared.report.MemberEntityAdded;
import org.rapporteur.shared.report.MemberEntityRemoved;
import org.rapporteur.shared.report.Membership;
import org.rapporteur.shared.report.ParagraphApproved;
import org.rapporteur.shared.report.ParagraphDrafted;
import org.rapporteur.shared.report.ParagraphEvent;
import org.rapporteur.shared.report.ParagraphTransition;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphReturned;
import org.rapporteur.shared.report.ParagraphRevised;
import org.rapporteur.shared.report.ParagraphStatus;
import org.rapporteur.shared.report.ParagraphSubmitted;
import org.rapporteur.shared.report.ParagraphWithdrawn;
import org.rapporteur.shared.report.ParticipantAdded;
import org.rapporteur.shared.report.ParticipantId;
import org.rapporteur.shared.report.ParticipantRemoved;
import org.rapporteur.shared.report.ReportAdopted;
import org.rapporteur.shared.report.ReportCreated;
import org.rapporteur.shared.report.ReportEvent;
import org.rapporteur.shared.report.ReportHeader;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.ReportStatus;
import org.rapporteur.shared.report.SectionAdded;
import org.rapporteur.shared.report.SectionId;

/**
 * The draft of one report, folded event by event: the read model behind {@code GET
 * /api/reports/{r}}.
 *
 * <p>Not thread-safe; one instance per report, fed in position order. {@link #apply} skips what
 * it has already applied, so a redelivery or a replay changes nothing, and refuses a gap. The
 * only state worth persisting is {@link #toView()}: {@link #from(ReportDraft)} resumes from it.
 *
 * <p>Numbers, letters and provisional agenda numbers are not stored: {@link #toView()} computes
 * them in one pass over the document, so an insertion or a withdrawal renumbers what follows.
 * The handlers only assign; an event that names an unknown id changes nothing, because the
 * command side has already checked it and a replay must never fail.
 */
public final class DraftState {

  private static final Map<Class<? extends ReportEvent>, BiConsumer<DraftState, ReportEvent>>
      HANDLERS = new HashMap<>();

  static {
    on(ReportCreated.class, DraftState::on);
    on(AgendaItemProposed.class, DraftState::on);
    on(AgendaItemAmended.class, DraftState::on);
    on(AgendaItemWithdrawn.class, DraftState::on);
    on(AgendaAdopted.class, DraftState::on);
    on(SectionAdded.class, DraftState::on);
    on(ParticipantAdded.class, DraftState::on);
    on(ParticipantRemoved.class, DraftState::on);
    on(MemberEntityAdded.class, DraftState::on);
    on(MemberEntityRemoved.class, DraftState::on);
    on(ParagraphDrafted.class, DraftState::on);
    on(ParagraphRevised.class, DraftState::on);
    on(ParagraphSubmitted.class, DraftState::on);
    on(ParagraphReturned.class, DraftState::on);
    on(ParagraphApproved.class, DraftState::on);
    on(ParagraphWithdrawn.class, DraftState::on);
    on(DecisionProposed.class, DraftState::on);
    on(DecisionAdopted.class, DraftState::on);
    on(ReportAdopted.class, DraftState::on);
    on(AdoptionSessionOpened.class, DraftState::on);
    on(OralAmendmentProposed.class, DraftState::on);
    on(OralAmendmentAccepted.class, DraftState::on);
    on(ParagraphBracketed.class, DraftState::on);
    on(ParagraphAdoptedInSession.class, DraftState::on);
    on(ReservationRecorded.class, DraftState::on);
    on(ReportAdoptedAdReferendum.class, DraftState::on);
    on(ReportAdoptionConfirmed.class, DraftState::on);
    on(CorrigendumIssued.class, DraftState::on);
  }

  private static <E extends ReportEvent> void on(Class<E> type, BiConsumer<DraftState, E> handler) {
    HANDLERS.put(type, (state, event) -> handler.accept(state, type.cast(event)));
  }

  private ReportId reportId;
  private ReportHeader header;
  private ReportStatus status = ReportStatus.DRAFT;
  private long position;
  private boolean agendaAdopted;
  private final List<AgendaItem> agenda = new ArrayList<>();
  private final Map<AgendaItemId, AgendaItem> agendaById = new HashMap<>();
  private final List<Section> sections = new ArrayList<>();
  private final Map<SectionId, Section> sectionsById = new HashMap<>();
  private final Map<ParagraphId, Paragraph> paragraphs = new HashMap<>();
  private final Map<DecisionId, Decision> decisions = new HashMap<>();
  private final Map<ParticipantId, ParticipantView> participants = new LinkedHashMap<>();
  /** Member entity codes, in code order, and since when each is a member. */
  private final Map<String, Instant> members = new TreeMap<>();
  private final List<ReservationView> reservations = new ArrayList<>();
  private final List<CorrigendumView> corrigenda = new ArrayList<>();

  private DraftState() {}

  /** The draft of a report nothing has happened to yet, at position 0. */
  public static DraftState empty() {
    return new DraftState();
  }

  /** Resumes folding from a stored view, as if every event up to its position had been applied. */
  public static DraftState from(ReportDraft view) {
    DraftState state = new DraftState();
    state.reportId = view.reportId();
    state.header = new ReportHeader(view.body(), view.sessionNumber(), view.title(), view.venue(),
        view.startDate(), view.endDate(), view.language(), view.parentMeeting(),
        view.parentAgendaItem(), view.symbol(), view.footnotes());
    state.status = view.status() == null ? ReportStatus.DRAFT : view.status();
    state.position = view.position();
    for (AgendaItemView item : view.agenda()) {
      AgendaItem restored = new AgendaItem(item.itemId(), item.title());
      restored.status = item.status();
      if (item.status() == AgendaItemStatus.ADOPTED) {
        // Only an adoption makes an item ADOPTED; its number is then the adopted one.
        state.agendaAdopted = true;
        restored.adoptedNumber = item.number();
      }
      state.agenda.add(restored);
      state.agendaById.put(restored.id, restored);
    }
    for (SectionView section : view.sections()) {
      Section restored = new Section(section.sectionId(), section.chapter(), section.title(),
          section.agendaItemIds());
      for (DraftUnit unit : section.paragraphs()) {
        if (unit instanceof ParagraphUnit p) {
          Paragraph paragraph = new Paragraph(p.paragraphId(), p.text(), p.revision(),
              p.authorEntity());
          paragraph.status = p.status();
          paragraph.orallyAmended = p.orallyAmended();
          paragraph.amendments.addAll(p.oralAmendments());
          paragraph.frozenNumber = p.number();
          paragraph.suffix = p.numberSuffix();
          restored.units.add(paragraph);
          state.paragraphs.put(paragraph.id, paragraph);
        } else if (unit instanceof DecisionUnit d) {
          Decision decision = new Decision(d.decisionId(), restored.id, d.kind(), d.text(),
              d.authorEntity());
          decision.status = d.status();
          decision.frozenNumber = d.number();
          restored.units.add(decision);
          state.decisions.put(decision.id, decision);
        }
      }
      state.sections.add(restored);
      state.sectionsById.put(restored.id, restored);
    }
    for (ParticipantView participant : view.participants()) {
      state.participants.put(participant.participantId(), participant);
    }
    for (MemberView member : view.members()) {
      state.members.put(member.entity(), member.since());
    }
    state.reservations.addAll(view.reservations());
    state.corrigenda.addAll(view.corrigenda());
    return state;
  }

  /** Folds the events in order; a convenience for replays and tests. */
  public static DraftState fold(List<RecordedEvent> events) {
    DraftState state = empty();
    events.forEach(state::apply);
    return state;
  }

  /**
   * The draft as it stood once the event at {@code position} was applied: the fold of the events
   * up to and including it.
   */
  public static ReportDraft atPosition(List<RecordedEvent> events, long position) {
    DraftState state = empty();
    for (RecordedEvent event : events) {
      if (event.position() > position) {
        break;
      }
      state.apply(event);
    }
    return state.toView();
  }

  /** The draft as it stood at {@code instant}: the fold of the events recorded at or before it. */
  public static ReportDraft asOf(List<RecordedEvent> events, Instant instant) {
    DraftState state = empty();
    for (RecordedEvent event : events) {
      if (event.timestamp() != null && event.timestamp().isAfter(instant)) {
        break;
      }
      state.apply(event);
    }
    return state.toView();
  }

  /**
   * Applies the event if it is the next one of this report's stream.
   *
   * @return true if applied; false, changing nothing, if its position was already applied
   * @throws PositionGapException if its position skips ahead of {@code position() + 1}
   * @throws ForeignEventException if it belongs to another report
   */
  public boolean apply(RecordedEvent recorded) {
    if (recorded.position() <= position) {
      return false;
    }
    ReportId eventReport = recorded.event().reportId();
    if (reportId != null && eventReport != null && !reportId.equals(eventReport)) {
      throw new ForeignEventException(reportId, eventReport, recorded.position());
    }
    if (recorded.position() != position + 1) {
      throw new PositionGapException(reportId == null ? eventReport : reportId, position + 1,
          recorded.position());
    }
    BiConsumer<DraftState, ReportEvent> handler = HANDLERS.get(recorded.event().getClass());
    if (handler != null) {
      handler.accept(this, recorded.event());
    }
    if (reportId == null) {
      reportId = eventReport;
    }
    position = recorded.position();
    return true;
  }

  /** The position of the last event applied; 0 when none. */
  public long position() {
    return position;
  }

  // --- handlers: they only assign ---------------------------------------------------------

  private void on(ReportCreated e) {
    reportId = e.reportId();
    header = e.header();
  }

  private void on(MemberEntityAdded e) {
    members.put(e.entity(), e.at());
  }

  private void on(MemberEntityRemoved e) {
    members.remove(e.entity());
  }

  /** The members as the draft shows them, in code order. */
  public List<MemberView> memberViews() {
    return members.entrySet().stream().map(m -> new MemberView(m.getKey(), m.getValue())).toList();
  }

  /** A member implied by the upgrade rule keeps the instant of the event that first implied it. */
  private void implyMember(ReportEvent e) {
    Membership.impliedBy(e).ifPresent(entity -> members.putIfAbsent(entity, e.at()));
  }

  private void on(AgendaItemProposed e) {
    implyMember(e);
    AgendaItem item = new AgendaItem(e.itemId(), e.title());
    agendaById.put(item.id, item);
    insertAfter(agenda, item, e.afterItemId() == null ? null : agendaById.get(e.afterItemId()));
  }

  private void on(AgendaItemAmended e) {
    AgendaItem item = agendaById.get(e.itemId());
    if (item != null) {
      item.title = e.title();
    }
  }

  private void on(AgendaItemWithdrawn e) {
    AgendaItem item = agendaById.get(e.itemId());
    if (item != null) {
      item.status = AgendaItemStatus.WITHDRAWN;
      item.adoptedNumber = null;
    }
  }

  private void on(AgendaAdopted e) {
    agendaAdopted = true;
    List<AgendaItemId> ids = e.itemIds();
    for (int i = 0; i < ids.size(); i++) {
      AgendaItem item = agendaById.get(ids.get(i));
      if (item != null) {
        item.status = AgendaItemStatus.ADOPTED;
        item.adoptedNumber = i + 1;
      }
    }
  }

  private void on(SectionAdded e) {
    Section section = new Section(e.sectionId(), e.chapter(), e.title(), e.agendaItemIds());
    sectionsById.put(section.id, section);
    insertAfter(sections, section,
        e.afterSectionId() == null ? null : sectionsById.get(e.afterSectionId()));
  }

  private void on(ParticipantAdded e) {
    participants.put(e.participantId(),
        new ParticipantView(e.participantId(), e.entity(), e.name(), e.role()));
  }

  private void on(ParticipantRemoved e) {
    participants.remove(e.participantId());
  }

  private void on(ParagraphDrafted e) {
    implyMember(e);
    Section section = sectionsById.get(e.sectionId());
    if (section == null) {
      return;
    }
    Paragraph paragraph = new Paragraph(e.paragraphId(), e.text(),
        e.revision() > 0 ? e.revision() : 1, e.authorEntity());
    paragraphs.put(paragraph.id, paragraph);
    insertAfter(section.units, paragraph,
        e.afterParagraphId() == null ? null : paragraphs.get(e.afterParagraphId()));
    if (numbersFrozen()) {
      numberInsertion(paragraph);
    }
  }

  /** From the adoption session on, numbers are frozen: what {@link #toView()} shows is stored. */
  private boolean numbersFrozen() {
    return status != ReportStatus.DRAFT;
  }

  /**
   * A unit inserted once numbers are frozen takes the number of the numbered unit before it in
   * document order, with the next suffix not yet used on that number by a live unit (API.md 1.1).
   * Before the first numbered unit of the document there is no number to follow; such a unit takes
   * number 0.
   */
  private void numberInsertion(Paragraph inserted) {
    Integer base = null;
    search:
    for (Section section : sections) {
      for (Unit unit : section.units) {
        if (unit == inserted) {
          break search;
        }
        if (!unit.withdrawn() && unit.frozenNumber() != null) {
          base = unit.frozenNumber();
        }
      }
    }
    int number = base == null ? 0 : base;
    int lastRank = 0;
    for (Section section : sections) {
      for (Unit unit : section.units) {
        if (unit != inserted && !unit.withdrawn() && unit.frozenNumber() != null && unit.frozenNumber() == number) {
          lastRank = Math.max(lastRank, NumberSuffixes.rank(unit.suffix()));
        }
      }
    }
    inserted.frozenNumber = number;
    inserted.suffix = NumberSuffixes.ofRank(lastRank + 1);
  }

  private void on(ParagraphRevised e) {
    Paragraph paragraph = paragraphs.get(e.paragraphId());
    if (paragraph != null) {
      paragraph.text = e.text();
      paragraph.revision = e.revision();
      paragraph.status = ParagraphTransition.after(paragraph.status, e);
    }
  }

  private void on(ParagraphSubmitted e) {
    transition(e);
  }

  private void on(ParagraphReturned e) {
    transition(e);
  }

  private void on(ParagraphApproved e) {
    transition(e);
  }

  private void on(ParagraphWithdrawn e) {
    transition(e);
  }

  private void on(DecisionProposed e) {
    implyMember(e);
    Section section = sectionsById.get(e.sectionId());
    if (section == null) {
      return;
    }
    Decision decision = new Decision(e.decisionId(), section.id, e.kind(), e.text(),
        e.authorEntity());
    decisions.put(decision.id, decision);
    section.units.add(decision);
  }

  private void on(DecisionAdopted e) {
    Decision decision = decisions.get(e.decisionId());
    if (decision != null) {
      decision.status = DecisionStatus.ADOPTED;
    }
  }

  private void on(ReportAdopted e) {
    if (!numbersFrozen()) {
      freezeNumbers();
    }
    status = ReportStatus.ADOPTED;
  }

  private void on(AdoptionSessionOpened e) {
    freezeNumbers();
    status = ReportStatus.IN_SESSION;
  }

  /** Each live unit keeps the number it has now; a withdrawal no longer renumbers what follows. */
  private void freezeNumbers() {
    int number = 0;
    for (Section section : sections) {
      for (Unit unit : section.units) {
        unit.freeze(unit.withdrawn() ? null : ++number);
      }
    }
  }

  private void on(OralAmendmentProposed e) {
    Paragraph paragraph = paragraphs.get(e.paragraphId());
    if (paragraph != null) {
      paragraph.amendments.add(new OralAmendmentView(e.amendmentId(), e.baseRevision(), e.text(), e.proposedBy(), false));
      transition(e);
    }
  }

  private void on(OralAmendmentAccepted e) {
    Paragraph paragraph = paragraphs.get(e.paragraphId());
    if (paragraph != null) {
      paragraph.amendments.replaceAll(a -> a.amendmentId().equals(e.amendmentId())
          ? new OralAmendmentView(a.amendmentId(), a.baseRevision(), a.text(), a.proposedBy(), true)
          : a);
      paragraph.text = e.text();
      paragraph.revision = e.revision();
      paragraph.orallyAmended = true;
      transition(e);
    }
  }

  private void on(ParagraphBracketed e) {
    transition(e);
  }

  private void on(ParagraphAdoptedInSession e) {
    transition(e);
  }

  private void on(ReservationRecorded e) {
    reservations.add(new ReservationView(e.reservationId(), e.entity(), e.kind(), e.paragraphId(), e.decisionId(),
        e.text(), e.at()));
  }

  private void on(ReportAdoptedAdReferendum e) {
    status = ReportStatus.ADOPTED_AD_REFERENDUM;
  }

  private void on(ReportAdoptionConfirmed e) {
    status = ReportStatus.ADOPTED;
  }

  /** The corrected text replaces the adopted one; the text as adopted stays in the record before it. */
  private void on(CorrigendumIssued e) {
    List<ParagraphId> corrected = new ArrayList<>();
    for (Correction correction : e.corrections()) {
      Paragraph paragraph = paragraphs.get(correction.paragraphId());
      if (paragraph != null) {
        paragraph.text = correction.text();
        paragraph.revision = correction.revision();
        corrected.add(paragraph.id);
      }
    }
    corrigenda.add(new CorrigendumView(e.corrigendumId(), e.number(), e.symbol(), e.reason(), position + 1, e.at(),
        corrected));
  }

  /** The status the shared transition table gives the paragraph after the fact. */
  private void transition(ParagraphEvent e) {
    Paragraph paragraph = paragraphs.get(e.paragraphId());
    if (paragraph != null) {
      paragraph.status = ParagraphTransition.after(paragraph.status, e);
    }
  }

  /** Places {@code element} right after {@code anchor} when the list holds it, else last. */
  private static <T> void insertAfter(List<? super T> list, T element, Object anchor) {
    int at = anchor == null ? -1 : indexOfSame(list, anchor);
    if (at < 0) {
      list.add(element);
    } else {
      list.add(at + 1, element);
    }
  }

  private static int indexOfSame(List<?> list, Object anchor) {
    // Searched from the end: anchors are usually recent, so most insertions stay cheap.
    for (int i = list.size() - 1; i >= 0; i--) {
      if (list.get(i) == anchor) {
        return i;
      }
    }
    return -1;
  }

  // --- the view -------------------------------------------------------------------------

  /** The draft as it stands: numbers and letters computed in one pass over the document. */
  public ReportDraft toView() {
    List<AgendaItemView> agendaView = new ArrayList<>(agenda.size());
    int provisional = 0;
    for (AgendaItem item : agenda) {
      Integer number;
      if (item.status == AgendaItemStatus.WITHDRAWN) {
        number = null;
      } else if (agendaAdopted) {
        number = item.adoptedNumber;
      } else {
        number = ++provisional;
      }
      agendaView.add(new AgendaItemView(item.id, number, item.title, item.status));
    }

    List<SectionView> sectionViews = new ArrayList<>(sections.size());
    List<DecisionView> decisionViews = new ArrayList<>();
    Map<String, Integer> sectionsSeenPerChapter = new HashMap<>();
    Map<String, Integer> lettersPerChapter = new HashMap<>();
    int number = 0;
    for (Section section : sections) {
      int seen = sectionsSeenPerChapter.merge(String.valueOf(section.chapter), 1, Integer::sum);
      String letter = null;
      boolean heading = seen == 1 && section.agendaItemIds.isEmpty();
      if (!heading) {
        letter = letter(lettersPerChapter.merge(String.valueOf(section.chapter), 1, Integer::sum));
      }
      List<DraftUnit> units = new ArrayList<>(section.units.size());
      for (Unit unit : section.units) {
        Integer unitNumber;
        if (unit.withdrawn()) {
          unitNumber = null;
        } else if (numbersFrozen()) {
          unitNumber = unit.frozenNumber();
        } else {
          unitNumber = ++number;
        }
        if (unit instanceof Paragraph p) {
          units.add(new ParagraphUnit(p.id, unitNumber, unitNumber == null ? null : p.suffix, p.text, p.status,
              p.revision, p.authorEntity, p.orallyAmended, p.amendments));
        } else if (unit instanceof Decision d) {
          units.add(new DecisionUnit(d.id, d.kind, unitNumber, d.text, d.status, d.authorEntity));
          decisionViews.add(new DecisionView(d.id, d.sectionId, d.kind, unitNumber, d.text,
              d.status, d.authorEntity));
        }
      }
      sectionViews.add(new SectionView(section.id, section.chapter, letter, section.title,
          section.agendaItemIds, units));
    }

    ReportHeader h = header == null ? EMPTY_HEADER : header;
    return new ReportDraft(reportId, h.body(), h.sessionNumber(), h.title(), h.venue(),
        h.startDate(), h.endDate(), h.language(), h.parentMeeting(), h.parentAgendaItem(),
        h.symbol(), h.footnotes(), status, position, agendaView, sectionViews, decisionViews,
        new ArrayList<>(participants.values()), new ArrayList<>(members.keySet()), memberViews(),
        reservations, corrigenda);
  }

  private static final ReportHeader EMPTY_HEADER =
      new ReportHeader(null, 0, null, null, (LocalDate) null, null, null, null, null, null, null);

  /** A, B, ... Z, then AA, AB ... as spreadsheets do, for chapters with more than 26 sections. */
  static String letter(int ordinal) {
    StringBuilder letters = new StringBuilder();
    for (int n = ordinal; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }

  // --- mutable parts of the fold --------------------------------------------------------

  private static final class AgendaItem {
    final AgendaItemId id;
    String title;
    AgendaItemStatus status = AgendaItemStatus.PROPOSED;
    Integer adoptedNumber;

    AgendaItem(AgendaItemId id, String title) {
      this.id = id;
      this.title = title;
    }
  }

  private static final class Section {
    final SectionId id;
    final String chapter;
    final String title;
    final List<AgendaItemId> agendaItemIds;
    final List<Unit> units = new ArrayList<>();

    Section(SectionId id, String chapter, String title, List<AgendaItemId> agendaItemIds) {
      this.id = id;
      this.chapter = chapter;
      this.title = title;
      this.agendaItemIds = agendaItemIds == null ? List.of() : List.copyOf(agendaItemIds);
    }
  }

  private sealed interface Unit permits Paragraph, Decision {
    boolean withdrawn();

    /** The number frozen at the adoption session; null before it and for a withdrawn unit. */
    Integer frozenNumber();

    void freeze(Integer number);

    /** "bis", "ter" ... for a unit inserted once numbers were frozen. */
    String suffix();
  }

  private static final class Paragraph implements Unit {
    final ParagraphId id;
    final String authorEntity;
    String text;
    int revision;
    ParagraphStatus status = ParagraphStatus.DRAFT;
    boolean orallyAmended;
    final List<OralAmendmentView> amendments = new ArrayList<>();
    Integer frozenNumber;
    String suffix;

    Paragraph(ParagraphId id, String text, int revision, String authorEntity) {
      this.id = id;
      this.text = text;
      this.revision = revision;
      this.authorEntity = authorEntity;
    }

    @Override
    public boolean withdrawn() {
      return status == ParagraphStatus.WITHDRAWN;
    }

    @Override
    public Integer frozenNumber() {
      return frozenNumber;
    }

    @Override
    public void freeze(Integer number) {
      frozenNumber = number;
    }

    @Override
    public String suffix() {
      return suffix;
    }
  }

  private static final class Decision implements Unit {
    final DecisionId id;
    final SectionId sectionId;
    final DecisionKind kind;
    final String text;
    final String authorEntity;
    DecisionStatus status = DecisionStatus.PROPOSED;
    Integer frozenNumber;

    Decision(DecisionId id, SectionId sectionId, DecisionKind kind, String text,
        String authorEntity) {
      this.id = id;
      this.sectionId = sectionId;
      this.kind = kind;
      this.text = text;
      this.authorEntity = authorEntity;
    }

    @Override
    public boolean withdrawn() {
      return status == DecisionStatus.WITHDRAWN;
    }

    @Override
    public Integer frozenNumber() {
      return frozenNumber;
    }

    @Override
    public void freeze(Integer number) {
      frozenNumber = number;
    }

    @Override
    public String suffix() {
      return null;
    }
  }
}
