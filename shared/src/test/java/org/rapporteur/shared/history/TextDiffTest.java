package org.rapporteur.shared.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.draft.DiffSegment;
import org.rapporteur.shared.draft.DiffSegment.Operation;

class TextDiffTest {

  /** Paragraph 3 of the reference report, and a revision of it. */
  private static final String REFERENCE_PARAGRAPH_3 =
      "外空协调会议第四十届会议于 2021 年 12 月 14 日在线举行。会议由担任外空协调会议秘书处的外层空间事务厅组织安排。";
  private static final String REVISED_PARAGRAPH_3 =
      "外空协调会议第四十届会议于 2021 年 12 月 14 日以在线方式举行。会议由外层空间事务厅组织安排。";

  @Test
  void identicalTextsAreOneEqualSegment() {
    assertThat(TextDiff.between("The meeting noted.", "The meeting noted."))
        .containsExactly(new DiffSegment(Operation.EQUAL, "The meeting noted."));
  }

  @Test
  void emptyTextsHaveNoSegments() {
    assertThat(TextDiff.between("", "")).isEmpty();
    assertThat(TextDiff.between(null, null)).isEmpty();
  }

  @Test
  void aFirstRevisionIsOneInsertion() {
    assertThat(TextDiff.between("", "The meeting recalled resolution 76/76."))
        .containsExactly(new DiffSegment(Operation.INSERT, "The meeting recalled resolution 76/76."));
  }

  @Test
  void latinTextIsComparedWordByWord() {
    assertThat(TextDiff.between("The meeting noted the report.", "The meeting welcomed the report."))
        .extracting(DiffSegment::op, DiffSegment::text).containsExactly(
            tuple(Operation.EQUAL, "The meeting "),
            tuple(Operation.DELETE, "noted"),
            tuple(Operation.INSERT, "welcomed"),
            tuple(Operation.EQUAL, " the report."));
  }

  @Test
  void aChangedWordIsReplacedWholeNotLetterByLetter() {
    assertThat(TextDiff.between("recalled", "recorded")).extracting(DiffSegment::op)
        .containsExactly(Operation.DELETE, Operation.INSERT);
  }

  @Test
  void punctuationIsItsOwnToken() {
    assertThat(TextDiff.between("(A/AC.105/1209, para. 43)", "(A/AC.105/1209, para. 44)"))
        .extracting(DiffSegment::op, DiffSegment::text).containsExactly(
            tuple(Operation.EQUAL, "(A/AC.105/1209, para. "),
            tuple(Operation.DELETE, "43"),
            tuple(Operation.INSERT, "44"),
            tuple(Operation.EQUAL, ")"));
  }

  @Test
  void chineseTextIsComparedCharacterByCharacter() {
    List<DiffSegment> diff = TextDiff.between(REFERENCE_PARAGRAPH_3, REVISED_PARAGRAPH_3);

    assertThat(diff).extracting(DiffSegment::op, DiffSegment::text).containsExactly(
        tuple(Operation.EQUAL, "外空协调会议第四十届会议于 2021 年 12 月 14 日"),
        tuple(Operation.INSERT, "以"),
        tuple(Operation.EQUAL, "在线"),
        tuple(Operation.INSERT, "方式"),
        tuple(Operation.EQUAL, "举行。会议由"),
        tuple(Operation.DELETE, "担任外空协调会议秘书处的"),
        tuple(Operation.EQUAL, "外层空间事务厅组织安排。"));
    assertReconstructs(diff, REFERENCE_PARAGRAPH_3, REVISED_PARAGRAPH_3);
  }

  @Test
  void otherScriptsWithoutSpacesAreComparedCharacterByCharacter() {
    assertThat(TextDiff.isWrittenWithoutSpaces("การประชุม")).isTrue();
    assertThat(TextDiff.isWrittenWithoutSpaces("会議の報告")).isTrue();
    assertThat(TextDiff.isWrittenWithoutSpaces("회의 보고서")).isTrue();
    assertThat(TextDiff.isWrittenWithoutSpaces("Доклад совещания")).isFalse();
    assertThat(TextDiff.isWrittenWithoutSpaces("تقرير الاجتماع")).isFalse();
  }

  @Test
  void charactersOutsideTheBasicPlaneAreNeverSplit() {
    List<DiffSegment> diff = TextDiff.between("𠀀会议", "𠀁会议");

    assertThat(diff).extracting(DiffSegment::op, DiffSegment::text).containsExactly(
        tuple(Operation.DELETE, "𠀀"), tuple(Operation.INSERT, "𠀁"), tuple(Operation.EQUAL, "会议"));
  }

  @Test
  void accentedAndCyrillicWordsStayWhole() {
    assertThat(TextDiff.words("Réunion — доклад, 40e")).containsExactly(
        "Réunion", " ", "—", " ", "доклад", ",", " ", "40e");
  }

  @Test
  void segmentsRebuildBothTextsAndAreMinimal() {
    Random random = new Random(20211214);
    String[] latin = {"the", "meeting", "noted", "agreed", "report", "of", "UN", "76/76", " ", " ",
        ", ", ".", "\n", "(", ")"};
    String[] chinese = {"会", "议", "注", "意", "到", "报", "告", "。", "，", "空", "间", " ", "1"};
    for (int round = 0; round < 300; round++) {
      String[] vocabulary = round % 2 == 0 ? latin : chinese;
      String oldText = randomText(random, vocabulary, random.nextInt(30));
      String newText = random.nextBoolean()
          ? mutate(random, oldText, vocabulary)
          : randomText(random, vocabulary, random.nextInt(30));

      List<DiffSegment> diff = TextDiff.between(oldText, newText);

      assertReconstructs(diff, oldText, newText);
      for (int i = 1; i < diff.size(); i++) {
        assertThat(diff.get(i).op()).as("adjacent ops merged").isNotEqualTo(diff.get(i - 1).op());
      }
      boolean byCharacter = TextDiff.isWrittenWithoutSpaces(oldText)
          || TextDiff.isWrittenWithoutSpaces(newText);
      List<String> a = byCharacter ? TextDiff.characters(oldText) : TextDiff.words(oldText);
      List<String> b = byCharacter ? TextDiff.characters(newText) : TextDiff.words(newText);
      int kept = diff.stream().filter(s -> s.op() == Operation.EQUAL)
          .mapToInt(s -> (byCharacter ? TextDiff.characters(s.text()) : TextDiff.words(s.text()))
              .size())
          .sum();
      assertThat(kept).as("tokens kept between %s and %s", oldText, newText)
          .isEqualTo(longestCommonSubsequence(a, b));
    }
  }

  @Test
  void aLongRewriteStaysFast() {
    StringBuilder oldText = new StringBuilder();
    StringBuilder newText = new StringBuilder();
    Random random = new Random(1);
    for (int i = 0; i < 20_000; i++) {
      oldText.append((char) ('一' + random.nextInt(200)));
      newText.append((char) ('一' + random.nextInt(200)));
    }

    assertReconstructs(TextDiff.between(oldText.toString(), newText.toString()),
        oldText.toString(), newText.toString());
  }

  private static void assertReconstructs(List<DiffSegment> diff, String oldText, String newText) {
    assertThat(join(diff, Operation.DELETE)).isEqualTo(oldText);
    assertThat(join(diff, Operation.INSERT)).isEqualTo(newText);
    assertThat(diff).allSatisfy(s -> assertThat(s.text()).isNotEmpty());
  }

  private static String join(List<DiffSegment> diff, Operation side) {
    return diff.stream().filter(s -> s.op() == Operation.EQUAL || s.op() == side)
        .map(DiffSegment::text).collect(Collectors.joining());
  }

  private static String randomText(Random random, String[] vocabulary, int tokens) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < tokens; i++) {
      text.append(vocabulary[random.nextInt(vocabulary.length)]);
    }
    return text.toString();
  }

  private static String mutate(Random random, String text, String[] vocabulary) {
    List<String> pieces = new ArrayList<>(TextDiff.characters(text));
    int edits = random.nextInt(5);
    for (int i = 0; i < edits; i++) {
      int at = pieces.isEmpty() ? 0 : random.nextInt(pieces.size());
      if (random.nextBoolean() && !pieces.isEmpty()) {
        pieces.remove(at);
      } else {
        pieces.add(at, vocabulary[random.nextInt(vocabulary.length)]);
      }
    }
    return String.join("", pieces);
  }

  private static int longestCommonSubsequence(List<String> a, List<String> b) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1
            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    return lcs[0][0];
  }
}
