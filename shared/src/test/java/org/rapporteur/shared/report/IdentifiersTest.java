package org.rapporteur.shared.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

  /** The rule as API.md states it; {@link Identifiers#isValid} checks it without an expression. */
  private static final Pattern RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final String ALPHABET = "aZ09._-/ é\u0000:%+A~";

  @Test
  void agreesWithTheRuleOnEveryCharacterInEveryPlace() {
    List<String> disagreements = new ArrayList<>();
    for (char c = 0; c < 0x3000; c++) {
      for (String candidate : List.of("" + c, c + "abc", "abc" + c, "a" + c + "b")) {
        if (Identifiers.isValid(candidate) != RULE.matcher(candidate).matches()) {
          disagreements.add(candidate);
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void agreesWithTheRuleOnRandomStringsOfEveryLengthAroundTheLimit() {
    SplittableRandom random = new SplittableRandom(15);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder candidate = new StringBuilder();
      int length = random.nextInt(0, 70);
      for (int i = 0; i < length; i++) {
        candidate.append(ALPHABET.charAt(random.nextInt(random.nextInt(1, ALPHABET.length() + 1))));
      }
      String id = candidate.toString();
      assertThat(Identifiers.isValid(id)).as("'%s'", id).isEqualTo(RULE.matcher(id).matches());
    }
  }

  @Test
  void sixtyFourCharactersAreAnIdAndSixtyFiveAreNot() {
    assertThat(Identifiers.isValid("a".repeat(64))).isTrue();
    assertThat(Identifiers.isValid("a".repeat(65))).isFalse();
    assertThat(Identifiers.isValid(null)).isFalse();
    assertThat(Identifiers.isValid("")).isFalse();
    assertThatThrownBy(() -> ParagraphId.of("-starts-with-a-hyphen"))
        .isInstanceOf(Identifiers.InvalidIdentifierException.class)
        .hasMessageContaining("starting with a letter or digit");
  }
}
