package org.rapporteur.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class HeaderCharactersTest {

  // StrictHttpFirewall's own expressions (Spring Security 7), which HeaderCharacters replaces.
  private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
  private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

  @Test
  void agreesWithTheFirewallsExpressionsOnEveryCodePoint() {
    List<Integer> disagreements = new ArrayList<>();
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) { // lone surrogates included
      String one = Character.toString(c);
      String inText = "Bearer a" + one + "z";
      if (HeaderCharacters.allowedName(one) != NAME.matcher(one).matches()
          || HeaderCharacters.allowedValue(inText) != VALUE.matcher(inText).matches()) {
        disagreements.add(c);
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void theFirewallRefusesAControlCharacterInAHeaderAndTakesATabInAValue() {
    StrictHttpFirewall firewall = HeaderCharacters.firewall();
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/reports");
    request.addHeader("X-Note", "a\tb");
    request.addHeader("X-Bad", "a\u0007b");
    var checked = firewall.getFirewalledRequest(request);
    assertThat(checked.getHeader("X-Note")).isEqualTo("a\tb");
    assertThatThrownBy(() -> checked.getHeader("X-Bad"))
        .isInstanceOf(RequestRejectedException.class);
  }
}
