package org.rapporteur.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapporteur.shared.draft.AgendaItemView;
import org.rapporteur.shared.draft.DecisionUnit;
import org.rapporteur.shared.draft.DraftUnit;
import org.rapporteur.shared.draft.NumberSuffixes;
import org.rapporteur.shared.draft.ParagraphUnit;
import org.rapporteur.shared.draft.ParticipantView;
import org.rapporteur.shared.draft.ReportDraft;
import org.rapporteur.shared.draft.ReservationView;
import org.rapporteur.shared.draft.SectionView;
import org.rapporteur.shared.report.DecisionStatus;
import org.rapporteur.shared.report.ParagraphStatus;
import org.rapporteur.shared.report.ParticipantRole;
import org.rapporteur.shared.report.ReportStatus;

/**
 * The reference report's structure derived from a draft, once for all three formats: chapters
 * with their heading and lettered sections, the numbered units only (withdrawn ones left out),
 * the numbered agenda, and the annex grouped as the reference groups it.
 */
final class ReportLayout {

  record Chapter(String roman, String title, String headingSectionId, List<DraftUnit> units, List<Section> sections) {}

  record Section(String sectionId, String letter, String title, List<DraftUnit> units) {}

  /** Representatives are grouped under their entity, in order of first appearance. */
  record Annex(
      List<ParticipantView> chairs,
      List<ParticipantView> secretaries,
      Map<String, List<ParticipantView>> entities) {}

  final ReportDraft draft;
  final Labels labels;
  final List<Chapter> chapters;
  final List<AgendaItemView> agenda;
  final Annex annex;

  private ReportLayout(ReportDraft draft) {
    this.draft = draft;
    this.labels = Labels.of(draft.language());
    this.chapters = chapters(draft.sections());
    this.agenda = draft.agenda().stream().filter(i -> i.number() != null).toList();
    this.annex = draft.participants().isEmpty() ? null : annex(draft.participants());
  }

  static ReportLayout of(ReportDraft draft) {
    return new ReportLayout(draft);
  }

  private static List<Chapter> chapters(List<SectionView> sections) {
    Map<String, List<SectionView>> byChapter = new LinkedHashMap<>();
    for (SectionView s : sections) {
      byChapter.computeIfAbsent(s.chapter() == null ? "" : s.chapter(), k -> new ArrayList<>()).add(s);
    }
    List<Chapter> out = new ArrayList<>();
    byChapter.forEach(
        (roman, list) -> {
          String title = "";
          String headingId = null;
          List<DraftUnit> units = new ArrayList<>();
          List<Section> lettered = new ArrayList<>();
          for (SectionView s : list) {
            if (s.letter() == null) {
              // The first unlettered section names the chapter; any further one only adds text.
              if (headingId == null) {
                headingId = s.sectionId().toString();
                title = s.title() == null ? "" : s.title();
              }
              units.addAll(numbered(s.paragraphs()));
            } else {
              lettered.add(
                  new Section(s.sectionId().toString(), s.letter(), s.title() == null ? "" : s.title(), numbered(s.paragraphs())));
            }
          }
          out.add(new Chapter(roman, title, headingId, List.copyOf(units), List.copyOf(lettered)));
        });
    return List.copyOf(out);
  }

  /** Withdrawn units keep their place in the draft with no number; documents leave them out. */
  private static List<DraftUnit> numbered(List<DraftUnit> units) {
    return units.stream().filter(u -> u.number() != null).toList();
  }

  private static Annex annex(List<ParticipantView> participants) {
    List<ParticipantView> chairs = new ArrayList<>();
    List<ParticipantView> secretaries = new ArrayList<>();
    Map<String, List<ParticipantView>> entities = new LinkedHashMap<>();
    for (ParticipantView p : participants) {
      if (p.role() == ParticipantRole.CHAIR) {
        chairs.add(p);
      } else if (p.role() == ParticipantRole.SECRETARY) {
        secretaries.add(p);
      } else {
        entities.computeIfAbsent(p.entity() == null ? "" : p.entity(), k -> new ArrayList<>()).add(p);
      }
    }
    return new Annex(List.copyOf(chairs), List.copyOf(secretaries), entities);
  }

  /**
   * Until the report is adopted, any unit the chair has not approved, or the meeting not adopted
   * in session, reads as a draft.
   */
  boolean isDraft(DraftUnit unit) {
    if (draft.status().isAdopted()) {
      return false;
    }
    if (unit instanceof ParagraphUnit p) {
      return p.status() != ParagraphStatus.APPROVED && p.status() != ParagraphStatus.ADOPTED;
    }
    return ((DecisionUnit) unit).status() != DecisionStatus.ADOPTED;
  }

  /** The unit's number as printed: "12", or "12 bis" for a unit inserted in session. */
  static String number(DraftUnit unit) {
    return NumberSuffixes.label(unit.number(), unit.numberSuffix());
  }

  /** The unit's number as a token for an identifier: "12", "12bis". */
  static String numberToken(DraftUnit unit) {
    return unit.number() + (unit.numberSuffix() == null ? "" : unit.numberSuffix().replaceAll("[^A-Za-z0-9]", ""));
  }

  /** The unit's text, in square brackets while the meeting, in session, has not agreed it. */
  String text(DraftUnit unit) {
    boolean bracketed = draft.status() == ReportStatus.IN_SESSION
        && unit instanceof ParagraphUnit p && p.status() == ParagraphStatus.BRACKETED;
    return bracketed ? "[" + unit.text() + "]" : unit.text();
  }

  /** The reservations and explanations of position on the unit, in the order recorded, as the report prints them. */
  List<ReservationView> reservations(DraftUnit unit) {
    return draft.reservations().stream()
        .filter(r -> unit instanceof ParagraphUnit p ? p.paragraphId().equals(r.paragraphId())
            : ((DecisionUnit) unit).decisionId().equals(r.decisionId()))
        .toList();
  }

  /** "Reservation (WMO): ..." as the report prints a reservation after the unit it bears on. */
  String reservationLine(ReservationView reservation) {
    return labels.reservation(reservation.kind(), reservation.entity()) + reservation.text();
  }

  /** The stable identity of a unit: its paragraph or decision id. */
  static String unitId(DraftUnit unit) {
    if (unit instanceof ParagraphUnit p) {
      return p.paragraphId().toString();
    }
    return ((DecisionUnit) unit).decisionId().toString();
  }

  static boolean isDecision(DraftUnit unit) {
    return unit instanceof DecisionUnit;
  }

  static String unitStatus(DraftUnit unit) {
    if (unit instanceof ParagraphUnit p) {
      return String.valueOf(p.status());
    }
    return String.valueOf(((DecisionUnit) unit).status());
  }

  /** Header lines, '\n'-separated in the draft, blank ones dropped. */
  static List<String> lines(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  List<String> headerLines() {
    List<String> out = new ArrayList<>(lines(draft.parentMeeting()));
    out.addAll(lines(draft.parentAgendaItem()));
    return out;
  }

  String venueAndDates() {
    return labels.venueAndDates(draft.venue(), draft.startDate(), draft.endDate());
  }

  String annexTitle() {
    return labels.listOfParticipants(draft.body(), draft.sessionNumber());
  }
}
