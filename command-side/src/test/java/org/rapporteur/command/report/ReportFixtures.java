package org.rapporteur.command.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.rapporteur.shared.integrity.HashChain;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.AgendaItemId;
import org.rapporteur.shared.report.AgendaItemProposed;
import org.rapporteur.shared.report.DecisionId;
import org.rapporteur.shared.report.DecisionKind;
import org.rapporteur.shared.report.DecisionProposed;
import org.rapporteur.shared.report.MemberEntityAdded;
import org.rapporteur.shared.report.ParagraphApproved;
import org.rapporteur.shared.report.ParagraphDrafted;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphSubmitted;
import org.rapporteur.shared.report.ReportCreated;
import org.rapporteur.shared.report.ReportHeader;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.Role;
import org.rapporteur.shared.report.SectionAdded;
import org.rapporteur.shared.report.SectionId;

/** The cast and the given events the aggregate tests share. */
final class ReportFixtures {

  static final ReportId REPORT = ReportId.of("iamosa-40");
  static final EntityRegistry REGISTRY = new EntityRegistry(java.util.Set.of("ITU", "WMO", "OOSA", "UNODC"));
  static final Instant EARLIER = Instant.parse("2025-06-01T09:00:00Z");

  static final Actor SECRETARY = new Actor("secretary", Role.SECRETARY, null);
  static final Actor CHAIR = new Actor("chair", Role.CHAIR, null);
  static final Actor ITU = new Actor("itu", Role.DELEGATE, "ITU");
  static final Actor WMO = new Actor("wmo", Role.DELEGATE, "WMO");
  static final Actor AUDITOR = new Actor("auditor", Role.AUDITOR, null);
  static final Actor ADMIN = new Actor("admin", Role.ADMIN, null);

  static final AgendaItemId ITEM_1 = AgendaItemId.of("item-1");
  static final AgendaItemId ITEM_2 = AgendaItemId.of("item-2");
  static final AgendaItemId ITEM_3 = AgendaItemId.of("item-3");
  static final AgendaItemId ITEM_4 = AgendaItemId.of("item-4");
  static final SectionId INTRO = SectionId.of("intro");
  static final SectionId PROCEEDINGS = SectionId.of("proceedings");
  static final ParagraphId PARA = ParagraphId.of("para-1");
  static final ParagraphId OTHER_PARA = ParagraphId.of("para-2");
  static final DecisionId DECISION = DecisionId.of("decision-1");

  private ReportFixtures() {}

  /** A fixture that routes commands as the wiring does, with the default approval policy. */
  static AggregateTestFixture<Report> newFixture() {
    return newFixture(ApprovalPolicy.SEGREGATED);
  }

  static AggregateTestFixture<Report> newFixture(ApprovalPolicy approvalPolicy) {
    AggregateTestFixture<Report> fixture = new AggregateTestFixture<>(Report.class);
    fixture.registerCommandTargetResolver(new ReportCommandTargetResolver());
    fixture.registerInjectableResource(approvalPolicy);
    fixture.registerInjectableResource(REGISTRY);
    fixture.registerInjectableResource(CHAIN_HEAD);
    return fixture;
  }

  static ReportHeader header() {
    return new ReportHeader(
        "Inter-Agency Meeting on Outer Space Activities",
        40,
        "Report of the Inter-Agency Meeting on Outer Space Activities on its fortieth session",
        "online",
        LocalDate.of(2020, 8, 20),
        LocalDate.of(2020, 8, 21),
        "en",
        null,
        null,
        null,
        List.of());
  }

  static ReportCreated created() {
    return new ReportCreated(REPORT, header(), SECRETARY, EARLIER);
  }

  /** The delegate's entity became a member: given after {@link #created()} for a delegate to act. */
  static MemberEntityAdded member(Actor delegate) {
    return new MemberEntityAdded(REPORT, delegate.entity(), SECRETARY, EARLIER);
  }

  static AgendaItemProposed itemProposed(AgendaItemId itemId, AgendaItemId afterItemId) {
    return new AgendaItemProposed(REPORT, itemId, "Item " + itemId, afterItemId, SECRETARY, EARLIER);
  }

  static SectionAdded sectionAdded(SectionId sectionId) {
    return new SectionAdded(REPORT, sectionId, "I", "Introduction", List.of(), null, SECRETARY, EARLIER);
  }

  /** The text of {@link #drafted}. */
  static final String DRAFTED_TEXT = "The meeting was held online.";

  /** What the event store would answer as the hash of the report's event at a position. */
  static final ChainHead CHAIN_HEAD = (report, position) -> "head-of-" + report + "-at-" + position;

  static ParagraphDrafted drafted(ParagraphId paragraphId, Actor author, String authorEntity) {
    return new ParagraphDrafted(
        REPORT, paragraphId, INTRO, null, DRAFTED_TEXT, authorEntity, 1, author, EARLIER);
  }

  /** ITU's paragraph at revision 1, in section {@link #INTRO}. */
  static Object[] ituParagraph() {
    return new Object[] {created(), sectionAdded(INTRO), drafted(PARA, ITU, "ITU")};
  }

  static ParagraphSubmitted submitted(ParagraphId paragraphId, int revision) {
    return new ParagraphSubmitted(REPORT, paragraphId, revision, ITU, EARLIER);
  }

  static ParagraphApproved approved(ParagraphId paragraphId, int revision) {
    return new ParagraphApproved(REPORT, paragraphId, revision, HashChain.sha256(DRAFTED_TEXT), CHAIR, EARLIER);
  }

  static DecisionProposed decisionProposed(DecisionId decisionId) {
    return new DecisionProposed(
        REPORT, decisionId, INTRO, DecisionKind.AGREED, "The meeting agreed to meet again.", "ITU", ITU, EARLIER);
  }

  static Object[] concat(Object[] first, Object... more) {
    Object[] all = new Object[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
