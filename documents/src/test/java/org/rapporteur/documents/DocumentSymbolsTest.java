package org.rapporteur.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentSymbolsTest {

  private static List<String> symbols(String text) {
    return DocumentSymbols.find(text).stream().map(DocumentSymbols.Found::symbol).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"A/AC.105/1209", "A/RES/76/76", "A/76/20", "ST/SPACE/69", "A/AC.105/L.327", "S/2021/123", "E/CN.4/2005/L.10/Add.1", "A/HRC/RES/46/1"})
  void recognisesSymbolsOfTheUnSeries(String symbol) {
    assertThat(symbols("见" + symbol + "。")).containsExactly(symbol);
  }

  @ParameterizedTest
  @ValueSource(strings = {"发生严重干旱和/或荒漠化", "2018-2019 年期间", "COVID-19 大流行", "TCP/IP", "HTTP/2", "A/B testing", "第 76/76 号决议", "and/or 3"})
  void leavesOtherSlashesAndNumbersAlone(String text) {
    assertThat(symbols(text)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void pinCiteAndSentenceEndStayOutsideTheSymbol() {
    assertThat(symbols("（A/AC.105/1209，第 43 段）")).containsExactly("A/AC.105/1209");
    assertThat(symbols("see A/AC.105/1209, para. 43.")).containsExactly("A/AC.105/1209");
    assertThat(symbols("as in A/76/20.")).containsExactly("A/76/20");
  }

  @org.junit.jupiter.api.Test
  void findsEverySymbolInARunningText() {
    assertThat(symbols("2015 年后发展议程（A/AC.105/1063）和《2030 年议程》（A/AC.105/1115）"))
        .containsExactly("A/AC.105/1063", "A/AC.105/1115");
  }

  @org.junit.jupiter.api.Test
  void aSymbolInsideALongerWordIsNoSymbol() {
    assertThat(symbols("DATA/2021/1 and XA/76/20")).isEmpty();
  }
}
