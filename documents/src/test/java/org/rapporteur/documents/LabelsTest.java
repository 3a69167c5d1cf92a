package org.rapporteur.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void chineseTagsReadChineseOthersEnglish() {
    assertThat(Labels.of("zh-Hans").annex()).isEqualTo("附件");
    assertThat(Labels.of("fr").annex()).isEqualTo("Annex");
  }

  @Test
  void chapterNumeralsFollowTheLanguage() {
    assertThat(Labels.of("zh").chapterNumeral("IV")).isEqualTo("四.");
    assertThat(Labels.of("en").chapterNumeral("IV")).isEqualTo("IV.");
    assertThat(Numerals.chinese(65)).isEqualTo("六十五");
    assertThat(Numerals.chinese(12)).isEqualTo("十二");
  }

  @Test
  void sessionDatesSpanMonthsAsTheUnWritesThem() {
    LocalDate start = LocalDate.of(2022, 6, 1);
    LocalDate end = LocalDate.of(2022, 6, 10);
    assertThat(Labels.of("zh").venueAndDates("维也纳", start, end)).isEqualTo("（2022 年 6 月 1 日至 10 日，维也纳）");
    assertThat(Labels.of("en").venueAndDates("Vienna", start, end)).isEqualTo("(Vienna, 1–10 June 2022)");
    assertThat(Labels.of("en").dates(LocalDate.of(2021, 11, 30), LocalDate.of(2021, 12, 2))).isEqualTo("30 November–2 December 2021");
  }
}
