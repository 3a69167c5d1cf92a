package org.rapporteur.documents;

import java.time.LocalDate;
import java.util.List;
import org.rapporteur.shared.draft.AgendaItemView;
import org.rapporteur.shared.draft.DecisionUnit;
import org.rapporteur.shared.draft.DecisionView;
import org.rapporteur.shared.draft.DraftUnit;
import org.rapporteur.shared.draft.ParagraphUnit;
import org.rapporteur.shared.draft.ParticipantView;
import org.rapporteur.shared.draft.ReportDraft;
import org.rapporteur.shared.draft.SectionView;
import org.rapporteur.shared.report.AgendaItemId;
import org.rapporteur.shared.report.AgendaItemStatus;
import org.rapporteur.shared.report.DecisionId;
import org.rapporteur.shared.report.DecisionKind;
import org.rapporteur.shared.report.DecisionStatus;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParagraphStatus;
import org.rapporteur.shared.report.ParticipantId;
import org.rapporteur.shared.report.ParticipantRole;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.ReportStatus;
import org.rapporteur.shared.report.SectionId;

/** Small hand-built drafts in the shape of the reference report, for golden and focused tests. */
final class TestDrafts {

  private TestDrafts() {}

  /**
   * Chinese, two chapters: I with its heading section; II with two lettered sections, B covering
   * agenda items 2 and 3. Paragraph 3 is withdrawn, one unit is a decision, paragraph p-6 is still
   * a draft, the agenda has a withdrawn item, and one footnote hangs on the parent agenda item.
   */
  static ReportDraft chinese(ReportStatus status) {
    List<AgendaItemView> agenda =
        List.of(
            item("ai-1", 1, "会议开幕。"),
            item("ai-2", 2, "通过议程。"),
            new AgendaItemView(AgendaItemId.of("ai-x"), null, "被撤回的议项。", AgendaItemStatus.WITHDRAWN),
            item("ai-3", 3, "秘书长的报告（A/AC.105/1230）。"));
    SectionView intro =
        new SectionView(
            SectionId.of("s-1"), "I", null, "导言", List.of(),
            List.of(
                para("p-1", 1, "大会第 76/76 号决议（A/RES/76/76）促请外空协调会议继续工作。", ParagraphStatus.APPROVED),
                para("p-2", 2, "下列实体出席了会议：《公约》秘书处（发生严重干旱和/或荒漠化的国家）。", ParagraphStatus.APPROVED),
                new ParagraphUnit(ParagraphId.of("p-gone"), null, "撤回的段落 A/76/20。", ParagraphStatus.WITHDRAWN, 2, "OOSA")));
    SectionView opening =
        new SectionView(
            SectionId.of("s-2a"), "II", null, "议事情况摘要", List.of(), List.of());
    SectionView sectionA =
        new SectionView(
            SectionId.of("s-2b"), "II", "A", "会议开幕和通过议程", List.of(AgendaItemId.of("ai-1"), AgendaItemId.of("ai-2")),
            List.of(
                para("p-4", 3, "外空协调会议通过了以下议程：{agenda}", ParagraphStatus.APPROVED),
                decision("d-1", 4, "外空协调会议商定于 2022 年编写出版物（ST/SPACE/69），不同于 2018-2019 年的出版物。", DecisionStatus.ADOPTED)));
    SectionView sectionB =
        new SectionView(
            SectionId.of("s-2c"), "II", "B", "秘书长的报告", List.of(AgendaItemId.of("ai-3")),
            List.of(
                para("p-5", 5, "外空协调会议回顾（A/AC.105/1209，第 43 段），并指出 COVID-19 大流行的影响（A/76/20）。", ParagraphStatus.APPROVED),
                para("p-6", 6, "外空协调会议注意到 <script>alert(1)</script> & 其他事项。", ParagraphStatus.SUBMITTED)));
    List<DecisionView> decisions =
        List.of(
            new DecisionView(DecisionId.of("d-1"), SectionId.of("s-2b"), DecisionKind.AGREED, 4,
                "外空协调会议商定于 2022 年编写出版物（ST/SPACE/69），不同于 2018-2019 年的出版物。", DecisionStatus.ADOPTED, "OOSA"));
    List<ParticipantView> participants =
        List.of(
            person("pt-1", "外层空间事务厅", "N. Hedman", ParticipantRole.CHAIR),
            person("pt-2", "外层空间事务厅", "A. Duysenhanova", ParticipantRole.SECRETARY),
            person("pt-3", "国际原子能机构", "K. Asfaw", ParticipantRole.REPRESENTATIVE),
            person("pt-4", "外层空间事务厅", "L. St-Pierre", ParticipantRole.REPRESENTATIVE),
            person("pt-5", "国际原子能机构", "S. Mallick", ParticipantRole.REPRESENTATIVE));
    return new ReportDraft(
        ReportId.of("un-space-40"),
        "外层空间活动机构间会议",
        40,
        "外层空间活动机构间会议第四十届会议报告",
        "在线",
        LocalDate.of(2021, 12, 14),
        LocalDate.of(2021, 12, 14),
        "zh",
        "和平利用外层空间委员会\n第六十五届会议\n2022 年 6 月 1 日至 10 日，维也纳",
        "临时议程*项目 13\n空间技术在联合国系统内的使用",
        "A/AC.105/1260",
        List.of("A/AC.105/L.327。"),
        status,
        42,
        agenda,
        List.of(intro, opening, sectionA, sectionB),
        decisions,
        participants,
        null,
        null);
  }

  /** English, adopted, no symbol yet: the header falls back to the report id. */
  static ReportDraft english() {
    List<AgendaItemView> agenda = List.of(item("e-ai-1", 1, "Opening of the session."), item("e-ai-2", 2, "Adoption of the agenda."));
    SectionView intro =
        new SectionView(SectionId.of("e-s-1"), "I", null, "Introduction", List.of(),
            List.of(para("e-p-1", 1, "The General Assembly, in its resolution 76/76 (A/RES/76/76), urged the Meeting to continue.", ParagraphStatus.APPROVED)));
    SectionView proceedings = new SectionView(SectionId.of("e-s-2"), "II", null, "Summary of proceedings", List.of(), List.of());
    SectionView adoption =
        new SectionView(SectionId.of("e-s-3"), "II", "A", "Adoption of the agenda", List.of(AgendaItemId.of("e-ai-2")),
            List.of(
                para("e-p-2", 2, "The Meeting adopted the following agenda: {agenda} The agenda was adopted without a vote.", ParagraphStatus.APPROVED),
                decision("e-d-1", 3, "The Meeting agreed to hold its next session in 2022 (see A/AC.105/1209, para. 49).", DecisionStatus.ADOPTED)));
    return new ReportDraft(
        ReportId.of("un-space-40-en"),
        "Inter-Agency Meeting on Outer Space Activities",
        40,
        "Report of the Inter-Agency Meeting on Outer Space Activities on its fortieth session",
        "online",
        LocalDate.of(2021, 12, 14),
        LocalDate.of(2021, 12, 14),
        "en",
        "Committee on the Peaceful Uses of Outer Space\nSixty-fifth session\nVienna, 1–10 June 2022",
        "Item 13 of the provisional agenda*\nUse of space technology within the United Nations system",
        null,
        List.of("A/AC.105/L.327."),
        ReportStatus.ADOPTED,
        17,
        agenda,
        List.of(intro, proceedings, adoption),
        List.of(),
        List.of(
            person("e-pt-1", "Office for Outer Space Affairs", "N. Hedman", ParticipantRole.CHAIR),
            person("e-pt-2", "World Meteorological Organization", "H. Pohjola", ParticipantRole.REPRESENTATIVE)),
        null,
        null);
  }

  /** What the projection holds right after ReportCreated: a header and nothing else. */
  static ReportDraft justCreated() {
    return new ReportDraft(
        ReportId.of("new-report"), "Inter-Agency Meeting on Outer Space Activities", 41, "Report", "Bali",
        LocalDate.of(2022, 10, 24), LocalDate.of(2022, 10, 26), "en", null, null, null, null,
        ReportStatus.DRAFT, 1, null, null, null, null, null, null);
  }

  private static AgendaItemView item(String id, int number, String title) {
    return new AgendaItemView(AgendaItemId.of(id), number, title, AgendaItemStatus.ADOPTED);
  }

  private static DraftUnit para(String id, int number, String text, ParagraphStatus status) {
    return new ParagraphUnit(ParagraphId.of(id), number, text, status, 1, "OOSA");
  }

  private static DraftUnit decision(String id, int number, String text, DecisionStatus status) {
    return new DecisionUnit(DecisionId.of(id), DecisionKind.AGREED, number, text, status, "OOSA");
  }

  private static ParticipantView person(String id, String entity, String name, ParticipantRole role) {
    return new ParticipantView(ParticipantId.of(id), entity, name, role);
  }
}
