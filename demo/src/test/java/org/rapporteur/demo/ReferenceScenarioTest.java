package org.rapporteur.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rapporteur.demo.Scenario.Participant;
import org.rapporteur.demo.Scenario.Section;
import org.rapporteur.demo.Scenario.Unit;
import org.rapporteur.shared.report.AgendaItemId;
import org.rapporteur.shared.report.DecisionKind;
import org.rapporteur.shared.report.ParticipantRole;
import org.rapporteur.shared.report.ReportHeader;

/** The shipped scenario says what the reference report says. */
class ReferenceScenarioTest {

  private final Scenario scenario = ScenarioReader.reference();

  @Test
  void headerIsTheReferenceReportsHeader() {
    ReportHeader header = scenario.header();
    assertThat(scenario.reportId().value()).isEqualTo("un-space-40");
    assertThat(header.body()).isEqualTo("外层空间活动机构间会议");
    assertThat(header.sessionNumber()).isEqualTo(40);
    assertThat(header.title()).isEqualTo("外层空间活动机构间会议第四十届会议报告");
    assertThat(header.venue()).isEqualTo("在线");
    assertThat(header.startDate()).isEqualTo(LocalDate.of(2021, 12, 14));
    assertThat(header.endDate()).isEqualTo(header.startDate());
    assertThat(header.language()).isEqualTo("zh");
    assertThat(header.parentMeeting())
        .isEqualTo("和平利用外层空间委员会\n第六十五届会议\n2022 年 6 月 1 日至 10 日，维也纳");
    assertThat(header.parentAgendaItem()).isEqualTo("临时议程*项目 13\n空间技术在联合国系统内的使用");
    assertThat(header.footnotes()).containsExactly("A/AC.105/L.327。");
  }

  @Test
  void itsTwentyFiveNumberedUnitsAreTheReferenceParagraphsInOrder() {
    List<String> reference = ReferenceText.paragraphs();
    List<Unit> units = scenario.units();

    assertThat(reference).hasSize(25);
    assertThat(units).hasSize(25);
    for (int i = 0; i < 25; i++) {
      String text = units.get(i).text();
      if (text.endsWith("{agenda}")) {
        text = text.substring(0, text.length() - "{agenda}".length());
      }
      assertThat(ReferenceText.withoutWhitespace(text))
          .as("paragraph %d (%s)", i + 1, units.get(i).key())
          .isEqualTo(ReferenceText.withoutWhitespace(reference.get(i)));
    }
  }

  @Test
  void adoptionOfTheAgendaParagraphEndsWithThePlaceholderForTheAdoptedAgenda() {
    assertThat(scenario.units().get(5).text()).endsWith("因此通过了第四十届会议的以下议程：{agenda}");
  }

  @Test
  void whatTheMeetingAgreedInParagraphs16And25IsRecordedAsAgreedDecisions() {
    List<Unit> units = scenario.units();
    assertThat(units.get(15).isDecision()).isTrue();
    assertThat(units.get(15).kind()).isEqualTo(DecisionKind.AGREED);
    assertThat(units.get(24).isDecision()).isTrue();
    assertThat(units.get(24).kind()).isEqualTo(DecisionKind.AGREED);
  }

  @Test
  void agendaHasTheNineAdoptedItems() {
    assertThat(scenario.agenda()).hasSize(9);
    assertThat(scenario.agenda().get(0).title()).isEqualTo("会议开幕。");
    assertThat(scenario.agenda().get(8).title()).isEqualTo("任何其他事项。");
  }

  @Test
  void chaptersComeFirstThenLetteredSectionsWhereDCoversItemsFourAndFive() {
    List<Section> sections = scenario.sections();
    assertThat(sections).extracting(Section::chapter)
        .containsExactly("I", "II", "II", "II", "II", "II", "II", "II", "II", "II");
    assertThat(sections.get(0).title()).isEqualTo("导言");
    assertThat(sections.get(0).agendaItemIds()).isEmpty();
    assertThat(sections.get(0).units()).hasSize(4);
    assertThat(sections.get(1).title()).isEqualTo("议事情况摘要");
    assertThat(sections.get(1).agendaItemIds()).isEmpty();
    assertThat(sections.get(1).units()).isEmpty();

    List<Section> lettered = sections.subList(2, 10);
    assertThat(lettered).extracting(Section::title).containsExactly(
        "会议开幕",
        "通过议程",
        "关于“空间 2030”议程的最新情况",
        "秘书长关于联合国系统内空间相关活动协调情况的报告和外空协调会议关于与空间相关的机构间合作举措和应用的特别报告",
        "外空协调会议出版物",
        "协调共同关心开展合作的未来计划和方案，并就空间技术实际应用及相关领域的当前活动交换意见",
        "公开会议的安排",
        "任何其他事项");
    assertThat(lettered.get(3).agendaItemIds()).extracting(AgendaItemId::value)
        .containsExactly("un-space-40.item-4", "un-space-40.item-5");
    assertThat(lettered).extracting(s -> s.agendaItemIds().size())
        .containsExactly(1, 1, 1, 2, 1, 1, 1, 1);
  }

  @Test
  void annexListsChairSecretaryAndEighteenRepresentativesOfThirteenEntities() {
    List<Participant> participants = scenario.participants();
    assertThat(participants.get(0)).extracting(Participant::role, Participant::name, Participant::entity)
        .containsExactly(ParticipantRole.CHAIR, "N. Hedman", "外层空间事务厅");
    assertThat(participants.get(1)).extracting(Participant::role, Participant::name, Participant::entity)
        .containsExactly(ParticipantRole.SECRETARY, "A. Duysenhanova", "外层空间事务厅");

    List<Participant> representatives = participants.subList(2, participants.size());
    assertThat(representatives).hasSize(18)
        .allMatch(p -> p.role() == ParticipantRole.REPRESENTATIVE);
    assertThat(representatives.stream().map(Participant::entity).collect(Collectors.toSet()))
        .hasSize(13)
        .contains("《联合国关于在发生严重干旱和/或荒漠化的国家特别是在非洲防治荒漠化的公约》秘书处");
    assertThat(representatives).filteredOn(p -> p.entity().equals("联合国毒品和犯罪问题办公室"))
        .extracting(Participant::name)
        .containsExactly("A. Korenblik", "C. Bussink", "L. Vita");
  }
}
