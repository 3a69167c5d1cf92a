package org.rapporteur.documents;

import java.util.Locale;

/** Chapter numerals: the draft stores Roman numerals; the Chinese report prints 一, 二, 三. */
final class Numerals {

  private static final String DIGITS = "零一二三四五六七八九";

  private Numerals() {}

  /** The value of a Roman numeral, or 0 when it is not one. */
  static int fromRoman(String roman) {
    String r = roman.strip().toUpperCase(Locale.ROOT);
    if (r.isEmpty() || !r.matches("[IVXLCDM]+")) {
      return 0;
    }
    int total = 0;
    for (int i = 0; i < r.length(); i++) {
      int v = value(r.charAt(i));
      int next = i + 1 < r.length() ? value(r.charAt(i + 1)) : 0;
      total += v < next ? -v : v;
    }
    return total;
  }

  private static int value(char c) {
    switch (c) {
      case 'I':
        return 1;
      case 'V':
        return 5;
      case 'X':
        return 10;
      case 'L':
        return 50;
      case 'C':
        return 100;
      case 'D':
        return 500;
      default:
        return 1000;
    }
  }

  /** 1..999 in Chinese numerals (四十, 六十五, 一百零五); other values as Arabic digits. */
  static String chinese(int n) {
    if (n <= 0 || n > 999) {
      return Integer.toString(n);
    }
    int hundreds = n / 100;
    int tens = n / 10 % 10;
    int units = n % 10;
    StringBuilder sb = new StringBuilder();
    if (hundreds > 0) {
      sb.append(DIGITS.charAt(hundreds)).append('百');
      if (tens == 0 && units > 0) {
        sb.append('零');
      }
    }
    if (tens > 0) {
      // 十 alone for 10-19 ("十五"), but 一百一十 inside larger numbers.
      if (tens > 1 || hundreds > 0) {
        sb.append(DIGITS.charAt(tens));
      }
      sb.append('十');
    }
    if (units > 0) {
      sb.append(DIGITS.charAt(units));
    }
    return sb.toString();
  }
}
