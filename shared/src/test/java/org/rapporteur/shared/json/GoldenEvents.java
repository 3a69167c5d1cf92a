package org.rapporteur.shared.json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The record each golden file under {@code events/} must load into, built field by field so that
 * a renamed, retyped or dropped field fails. A file of an old version expects the record its
 * upcasters make of it.
 */
final class GoldenEvents {

  private static final ReportId REPORT = ReportId.of("iamosa-40");
  private static final Actor SECRETARY = new Actor("secretary", Role.SECRETARY, null);
  private static final Actor CHAIR = new Actor("chair", Role.CHAIR, null);
  private static final Actor ITU = new Actor("itu", Role.DELEGATE, "ITU");
  private static final AgendaItemId ITEM_1 = AgendaItemId.of("item-1");
  private static final AgendaItemId ITEM_2 = AgendaItemId.of("item-2");
  private static final SectionId INTRO = SectionId.of("intro");
  private static final SectionId OPENING = SectionId.of("opening");
  private static final ParagraphId PARA_1 = ParagraphId.of("para-1");
  private static final ParagraphId PARA_2 = ParagraphId.of("para-2");
  private static final DecisionId DECISION = DecisionId.of("decision-1");

  private GoldenEvents() {}

  /** The expected record of every golden file, by its path under {@code events/}. */
  static Map<String, ReportEvent> expected() {
    Map<String, ReportEvent> expected = new LinkedHashMap<>();
    expected.put("v1/ReportCreated.json", new ReportCreated(REPORT, header(), SECRETARY, at(0)));
    expected.put(
        "v1/ReportCreated-minimal.json",
        new ReportCreated(REPORT, minimalHeader(), SECRETARY, at(0)));
    expected.put(
        "v1/AgendaItemProposed-last.json",
        new AgendaItemProposed(REPORT, ITEM_1, "Opening of the session", null, SECRETARY, at(1)));
    expected.put(
        "v1/AgendaItemProposed.json",
        new AgendaItemProposed(REPORT, ITEM_2, "Adoption of the agenda", ITEM_1, ITU, at(2)));
    expected.put(
        "v1/AgendaItemAmended.json",
        new AgendaItemAmended(
            REPORT, ITEM_2, "Adoption of the agenda and organization of work", SECRETARY, at(3)));
    expected.put(
        "v1/AgendaItemWithdrawn.json",
        new AgendaItemWithdrawn(REPORT, AgendaItemId.of("item-3"), SECRETARY, at(4)));
    expected.put(
        "v1/AgendaAdopted.json", new AgendaAdopted(REPORT, List.of(ITEM_1, ITEM_2), CHAIR, at(5)));
    expected.put(
        "v1/SectionAdded-heading.json",
        new SectionAdded(REPORT, INTRO, "I", "Introduction", List.of(), null, SECRETARY, at(6)));
    expected.put(
        "v1/SectionAdded.json",
        new SectionAdded(
            REPORT, OPENING, "I", "Opening of the session", List.of(ITEM_1, ITEM_2), INTRO,
            SECRETARY, at(7)));
    expected.put(
        "v1/ParticipantAdded.json",
        new ParticipantAdded(
            REPORT, ParticipantId.of("itu"), "ITU", "International Telecommunication Union",
            ParticipantRole.REPRESENTATIVE, SECRETARY, at(8)));
    expected.put(
        "v1/ParticipantRemoved.json",
        new ParticipantRemoved(REPORT, ParticipantId.of("wmo"), SECRETARY, at(9)));
    expected.put(
        "v1/ParagraphDrafted-last.json",
        new ParagraphDrafted(
            REPORT, PARA_1, INTRO, null,
            "The Inter-Agency Meeting on Outer Space Activities held its fortieth session online"
                + " on 20 and 21 August 2020.",
            "SECRETARIAT", 1, SECRETARY, at(10)));
    expected.put(
        "v1/ParagraphDrafted.json",
        new ParagraphDrafted(
            REPORT, PARA_2, INTRO, PARA_1,
            "The session was attended by representatives of the entities listed in the annex.",
            "ITU", 1, ITU, at(11)));
    expected.put(
        "v1/ParagraphRevised.json",
        new ParagraphRevised(
            REPORT, PARA_2, 1, 2,
            "The session was attended by representatives of the United Nations entities listed"
                + " in the annex.",
            false, ITU, at(12)));
    expected.put("v1/ParagraphSubmitted.json", new ParagraphSubmitted(REPORT, PARA_2, 2, ITU, at(13)));
    expected.put(
        "v1/ParagraphReturned.json",
        new ParagraphReturned(
            REPORT, PARA_2, 2, "Please cite General Assembly resolution 74/82.", CHAIR, at(14)));
    expected.put("v1/ParagraphApproved.json", new ParagraphApproved(REPORT, PARA_2, 2, null, CHAIR, at(15)));
    expected.put("v1/ParagraphApproved-textHash.json", new ParagraphApproved(REPORT, PARA_2, 2,
        "0f8d1b2b1f0c6e0f6f2f7a6c3c6b1c7d0c9e2a4e8b5a3f1d2c4b6a8e0f1d3c5b", CHAIR, at(15)));
    expected.put("v1/ParagraphWithdrawn.json", new ParagraphWithdrawn(REPORT, PARA_2, ITU, at(16)));
    expected.put(
        "v1/DecisionProposed.json",
        new DecisionProposed(
            REPORT, DECISION, OPENING, DecisionKind.AGREED,
            "The Meeting agreed to hold its forty-first session in Geneva.", "ITU", ITU, at(17)));
    expected.put("v1/DecisionAdopted.json", new DecisionAdopted(REPORT, DECISION, CHAIR, at(18)));
    expected.put("v1/ReportAdopted.json", new ReportAdopted(REPORT, null, CHAIR, at(19)));
    expected.put("v1/ReportAdopted-headHash.json", new ReportAdopted(REPORT,
        "7c1e5a3b9d2f4e6a8c0b1d3f5e7a9c2b4d6f8e0a1c3e5b7d9f2a4c6e8b0d1f3a", CHAIR, at(19)));
    expected.put("v1/MemberEntityAdded.json", new MemberEntityAdded(REPORT, "WMO", SECRETARY, at(20)));
    expected.put("v1/MemberEntityRemoved.json", new MemberEntityRemoved(REPORT, "WMO", SECRETARY, at(21)));
    expected.put("v1/AdoptionSessionOpened.json", new AdoptionSessionOpened(REPORT, CHAIR, at(22)));
    expected.put("v1/OralAmendmentProposed.json", new OralAmendmentProposed(REPORT, PARA_2, OralAmendmentId.of("amendment-1"),
        2, "The session was attended by representatives of the United Nations entities and other bodies listed in the annex.",
        "WMO", SECRETARY, at(23)));
    expected.put("v1/OralAmendmentAccepted.json", new OralAmendmentAccepted(REPORT, PARA_2, OralAmendmentId.of("amendment-1"),
        2, 3, "The session was attended by representatives of the United Nations entities and other bodies listed in the annex.",
        "WMO", "5d3c1b2a4e6f8a0c9b7d5e3f1a2c4e6b8d0f9a7c5e3b1d2f4a6c8e0b9d7f5a3c", CHAIR, at(24)));
    expected.put("v1/ParagraphBracketed.json", new ParagraphBracketed(REPORT, PARA_2, 3, CHAIR, at(25)));
    expected.put("v1/ParagraphAdoptedInSession.json", new ParagraphAdoptedInSession(REPORT, PARA_2, 3,
        "5d3c1b2a4e6f8a0c9b7d5e3f1a2c4e6b8d0f9a7c5e3b1d2f4a6c8e0b9d7f5a3c", CHAIR, at(26)));
    expected.put("v1/ReservationRecorded.json", new ReservationRecorded(REPORT, ReservationId.of("reservation-1"), "WMO",
        ReservationKind.RESERVATION, PARA_2, null, "The representative of WMO reserved the position of WMO on the paragraph.",
        SECRETARY, at(27)));
    expected.put("v1/ReservationRecorded-decision.json", new ReservationRecorded(REPORT, ReservationId.of("reservation-2"),
        "ITU", ReservationKind.EXPLANATION_OF_POSITION, null, DECISION, "ITU joined the consensus on the understanding that the"
        + " session would be held in Geneva.", CHAIR, at(28)));
    expected.put("v1/ReportAdoptedAdReferendum.json", new ReportAdoptedAdReferendum(REPORT,
        "9a1c3e5b7d9f2a4c6e8b0d1f3a5c7e9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c", CHAIR, at(29)));
    expected.put("v1/ReportAdoptionConfirmed.json", new ReportAdoptionConfirmed(REPORT,
        "b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c9a1c3e5b7d9f2a4c6e8b0d1f3a5c7e9", CHAIR, at(30)));
    expected.put("v1/CorrigendumIssued.json", new CorrigendumIssued(REPORT, CorrigendumId.of("corr-1"), 1,
        "A/AC.105/1234/Corr.1", "The date of the session was wrong.", List.of(new Correction(PARA_1, 1, 2,
        "The Inter-Agency Meeting on Outer Space Activities held its fortieth session online on 21 and 22 August 2020.",
        "c4e6b8d0f9a7c5e3b1d2f4a6c8e0b9d7f5a3c5d3c1b2a4e6f8a0c9b7d5e3f1a2")), SECRETARY, at(31)));
    expected.put("v1/CorrigendumIssued-symbolless.json", new CorrigendumIssued(REPORT, CorrigendumId.of("corr-2"), 2,
        null, "A typing error.", List.of(new Correction(PARA_2, 3, 4, "Corrected.",
        "e0b9d7f5a3c5d3c1b2a4e6f8a0c9b7d5e3f1a2c4e6b8d0f9a7c5e3b1d2f4a6c8")), SECRETARY, at(32)));
    return expected;
  }

  private static ReportHeader header() {
    return new ReportHeader(
        "Inter-Agency Meeting on Outer Space Activities",
        40,
        "Report of the Inter-Agency Meeting on Outer Space Activities on its fortieth session",
        "online",
        LocalDate.of(2020, 8, 20),
        LocalDate.of(2020, 8, 21),
        "en",
        "Committee on the Peaceful Uses of Outer Space\nSixty-fourth session",
        "13",
        "A/AC.105/1234",
        List.of("Provisional agenda circulated as document A/AC.105/AC.1/L.40."));
  }

  private static ReportHeader minimalHeader() {
    ReportHeader full = header();
    return new ReportHeader(
        full.body(), full.sessionNumber(), full.title(), full.venue(), full.startDate(),
        full.endDate(), full.language(), null, null, null, List.of());
  }

  /** The minutes of the morning of 20 August 2020 at which the story's events happened. */
  private static Instant at(int minute) {
    return Instant.parse("2020-08-20T09:00:00Z").plusSeconds(60L * minute);
  }
}
