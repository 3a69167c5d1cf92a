package org.rapporteur.identity;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's firewall rules for header names and values, as loops over the characters
 * instead of the regular expressions {@link StrictHttpFirewall} checks them with. The firewall
 * checks every header each time it is read, several times per request: the expressions were 3
 * to 4 % of the product's samples under load (docs/performance.md, fix 11). Same rules: every
 * character assigned in Unicode and not a control character; a value may also hold a tab.
 */
final class HeaderCharacters {

  private HeaderCharacters() {}

  /** The firewall of both sides: Spring Security's defaults, with these checks. */
  static StrictHttpFirewall firewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowedHeaderNames(HeaderCharacters::allowedName);
    firewall.setAllowedHeaderValues(HeaderCharacters::allowedValue);
    return firewall;
  }

  static boolean allowedName(String name) {
    return allowed(name, false);
  }

  static boolean allowedValue(String value) {
    return allowed(value, true);
  }

  private static boolean allowed(String text, boolean tab) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      // Printable ASCII, nearly every header character there is, needs no table lookup.
      if (c < 0x20 || c > 0x7E) {
        int type = Character.getType(c);
        if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && c == '\t'))) {
          return false;
        }
      }
      i += Character.charCount(c);
    }
    return true;
  }
}
