package org.rapporteur.shared.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON Canonicalization Scheme of RFC 8785 (JCS): object members sorted by the UTF-16 code
 * units of their names, no whitespace, strings escaped as ECMAScript's {@code JSON.stringify}
 * escapes them, numbers written as ECMAScript's {@code Number.prototype.toString} writes an IEEE
 * 754 double. No library on Maven Central implements it with the care a hash chain needs, and the
 * scheme is short: any other JCS implementation gives the same bytes (RFC 8785, appendix B).
 */
public final class CanonicalJson {

  private static final BigInteger MAX_EXACT_INTEGER = BigInteger.ONE.shiftLeft(53);

  private CanonicalJson() {}

  /**
   * The canonical form of a JSON value.
   *
   * @throws IllegalArgumentException for a number JSON cannot hold in JCS (NaN, infinite)
   */
  public static String canonicalize(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(JsonNode value, StringBuilder out) {
    switch (value.getNodeType()) {
      case OBJECT -> {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        value.fields().forEachRemaining(members::add);
        // String.compareTo compares UTF-16 code units, exactly the order RFC 8785 (3.2.3) asks for.
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          string(members.get(i).getKey(), out);
          out.append(':');
          write(members.get(i).getValue(), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        Iterator<JsonNode> elements = value.elements();
        boolean first = true;
        while (elements.hasNext()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          write(elements.next(), out);
        }
        out.append(']');
      }
      case STRING -> string(value.textValue(), out);
      case NUMBER -> out.append(number(value));
      case BOOLEAN -> out.append(value.booleanValue());
      case NULL -> out.append("null");
      default -> throw new IllegalArgumentException("not a JSON value: " + value.getNodeType());
    }
  }

  private static String number(JsonNode value) {
    if (value.isIntegralNumber()) {
      BigInteger integer = value.bigIntegerValue();
      if (integer.abs().compareTo(MAX_EXACT_INTEGER) <= 0) {
        return integer.toString(); // exact as a double, and written without exponent up to 1e21
      }
    }
    return number(value.doubleValue());
  }

  /** ECMAScript's Number.prototype.toString (ECMA-262, 7.1.12.1) of a double. */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("JSON holds no " + value);
    }
    if (value == 0) {
      return "0"; // minus zero too
    }
    if (value < 0) {
      return "-" + number(-value);
    }
    BigDecimal shortest = shortest(value);
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale(); // value = 0.digits * 10^n
    StringBuilder out = new StringBuilder();
    if (k <= n && n <= 21) {
      out.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(n - 1 >= 0 ? "+" : "-").append(Math.abs(n - 1));
    }
    return out.toString();
  }

  /**
   * The decimal with the fewest significant digits that reads back as the same double, the closest
   * to it of those (and the even one of two as close). Not {@code Double.toString}: before Java 19
   * it is not always the shortest ({@code 4.9E-324} for what ECMAScript writes {@code 5e-324}).
   */
  private static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal best = null;
      for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal candidate = exact.round(new MathContext(precision, mode));
        if (candidate.doubleValue() != value) {
          continue;
        }
        if (best == null) {
          best = candidate;
          continue;
        }
        int closer = candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs());
        if (closer < 0 || (closer == 0 && !candidate.unscaledValue().testBit(0))) {
          best = candidate;
        }
      }
      if (best != null) {
        return best.stripTrailingZeros();
      }
    }
    throw new IllegalStateException("no decimal of 17 digits reads back as " + value);
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
