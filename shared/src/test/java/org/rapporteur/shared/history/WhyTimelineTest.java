package org.rapporteur.shared.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.integrity.HashChain;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.ParagraphApproved;
import org.rapporteur.shared.report.ParagraphDrafted;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphRevised;
import org.rapporteur.shared.report.ParagraphWithdrawn;
import org.rapporteur.shared.report.ReportAdopted;
import org.rapporteur.shared.report.ReportEvent;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.Role;
import org.rapporteur.shared.report.SectionId;

class WhyTimelineTest {

  private static final ReportId REPORT = ReportId.of("r");
  private static final ParagraphId P = ParagraphId.of("p");
  private static final ParagraphId OTHER = ParagraphId.of("q");
  private static final Actor ITU = new Actor("itu", Role.DELEGATE, "ITU");
  private static final Actor CHAIR = new Actor("chair", Role.CHAIR, null);
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void anApprovalWhoseHashIsNotTheApprovedRevisionsTextSaysSo() {
    List<WhyTimeline.Recorded> events = List.of(
        recorded(1, drafted(P, "One.")),
        recorded(2, new ParagraphRevised(REPORT, P, 1, 2, "Two.", false, ITU, AT)),
        recorded(3, new ParagraphApproved(REPORT, P, 1, HashChain.sha256("One."), CHAIR, AT)),
        recorded(4, new ParagraphApproved(REPORT, P, 2, HashChain.sha256("One."), CHAIR, AT)),
        recorded(5, new ParagraphApproved(REPORT, P, 2, null, CHAIR, AT)));

    List<WhyEntry> entries = WhyTimeline.of("r", "p", events).orElseThrow().entries();

    assertThat(entries).extracting(WhyEntry::textHashMatches).containsExactly(null, null, true, false, null);
  }

  @Test
  void otherParagraphsAreLeftOutAndAnAdoptionCountsOnlyOnceTheParagraphExists() {
    List<WhyTimeline.Recorded> events = List.of(
        recorded(1, new ReportAdopted(REPORT, "h0", CHAIR, AT)),
        recorded(2, drafted(OTHER, "Other.")),
        recorded(3, drafted(P, "Mine.")),
        recorded(4, new ParagraphWithdrawn(REPORT, P, ITU, AT)),
        recorded(5, new ReportAdopted(REPORT, "h4", CHAIR, AT)));

    List<WhyEntry> entries = WhyTimeline.of("r", "p", events).orElseThrow().entries();

    assertThat(entries).extracting(WhyEntry::position).containsExactly(3L, 4L, 5L);
    assertThat(entries).extracting(WhyEntry::type)
        .containsExactly("ParagraphDrafted", "ParagraphWithdrawn", "ReportAdopted");
    assertThat(entries.get(2).headHash()).isEqualTo("h4");
    assertThat(entries.get(0).hash()).isEqualTo("hash-3");
    assertThat(WhyTimeline.of("r", "nothing", events)).isEmpty();
  }

  private static ParagraphDrafted drafted(ParagraphId id, String text) {
    return new ParagraphDrafted(REPORT, id, SectionId.of("s"), null, text, "ITU", 1, ITU, AT);
  }

  private static WhyTimeline.Recorded recorded(long position, ReportEvent event) {
    return new WhyTimeline.Recorded(position, "e" + position, AT, "hash-" + position, event);
  }
}
