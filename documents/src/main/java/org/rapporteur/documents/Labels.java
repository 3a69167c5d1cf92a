package org.rapporteur.documents;

import org.rapporteur.shared.report.ReservationKind;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The words and typography a rendered report uses in its own language. Chapter and section titles
 * come from the draft; only what the renderer itself writes is here.
 */
record Labels(
    String htmlLang,
    String annex,
    String listOfParticipantsSuffix,
    String chair,
    String secretary,
    String unitedNationsEntities,
    String draft,
    String colon,
    boolean chinese) {

  private static final Labels ZH =
      new Labels("zh", "附件", "届会议与会者名单", "主席", "秘书", "联合国实体", "草稿", "：", true);
  private static final Labels EN =
      new Labels(
          "en", "Annex", "List of participants", "Chair", "Secretary", "United Nations entities",
          "Draft", ": ", false);

  private static final String[] MONTHS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"
  };

  /** "zh" and any "zh-*" tag read Chinese; everything else reads English until it has labels. */
  static Labels of(String language) {
    String tag = language == null ? "" : language.toLowerCase(Locale.ROOT);
    return tag.equals("zh") || tag.startsWith("zh-") ? ZH : EN;
  }

  /** "Reservation (WMO): " / "保留意见（WMO）：", before the words a delegation put on record. */
  String reservation(ReservationKind kind, String entity) {
    boolean reservation = kind == ReservationKind.RESERVATION;
    if (chinese) {
      return (reservation ? "保留意见" : "解释立场") + "（" + nonNull(entity) + "）：";
    }
    return (reservation ? "Reservation" : "Explanation of position") + " (" + nonNull(entity) + "): ";
  }

  String corrigendum() {
    return chinese ? "更正" : "Corrigendum";
  }

  /** "Paragraph 12" / "第 12 段". */
  String paragraphReference(String number) {
    return chinese ? "第 " + number + " 段" : "Paragraph " + number;
  }

  /** "For" / "将", before the words a corrigendum replaces. */
  String forWord() {
    return chinese ? "将" : "For";
  }

  /** "read" / "改为", before the words that replace them. */
  String readWord() {
    return chinese ? "改为" : "read";
  }

  /** The chapter's numeral as the reference prints it: "一." in Chinese, "I." in English. */
  String chapterNumeral(String roman) {
    if (roman == null || roman.isBlank()) {
      return "";
    }
    if (chinese) {
      int value = Numerals.fromRoman(roman);
      return (value > 0 ? Numerals.chinese(value) : roman) + ".";
    }
    return roman + ".";
  }

  /** Title of the annex: "外层空间活动机构间会议第四十届会议与会者名单" / "List of participants". */
  String listOfParticipants(String body, int sessionNumber) {
    if (chinese) {
      return nonNull(body) + "第" + Numerals.chinese(sessionNumber) + listOfParticipantsSuffix;
    }
    return listOfParticipantsSuffix;
  }

  /** "N. Hedman（外层空间事务厅）" / "N. Hedman (Office for Outer Space Affairs)". */
  String personWithEntity(String name, String entity) {
    if (entity == null || entity.isBlank()) {
      return nonNull(name);
    }
    return chinese ? name + "（" + entity + "）" : name + " (" + entity + ")";
  }

  String entityOpen() {
    return chinese ? "（" : " (";
  }

  String entityClose() {
    return chinese ? "）" : ")";
  }

  /** "（2021 年 12 月 14 日，在线举办）" / "(online, 14 December 2021)". */
  String venueAndDates(String venue, LocalDate start, LocalDate end) {
    String dates = dates(start, end);
    String place = venue == null ? "" : venue.strip();
    if (chinese) {
      boolean online = place.equalsIgnoreCase("online") || place.equals("在线");
      String where = online ? "在线举办" : place;
      return "（" + join(dates, where, "，") + "）";
    }
    return "(" + join(place, dates, ", ") + ")";
  }

  private static String join(String a, String b, String separator) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() ? a : a + separator + b;
  }

  String dates(LocalDate start, LocalDate end) {
    if (start == null) {
      return "";
    }
    LocalDate last = end == null || end.isBefore(start) ? start : end;
    return chinese ? chineseDates(start, last) : englishDates(start, last);
  }

  private static String chineseDates(LocalDate s, LocalDate e) {
    String first = s.getYear() + " 年 " + s.getMonthValue() + " 月 " + s.getDayOfMonth() + " 日";
    if (s.equals(e)) {
      return first;
    }
    if (s.getYear() != e.getYear()) {
      return first + "至" + e.getYear() + " 年 " + e.getMonthValue() + " 月 " + e.getDayOfMonth() + " 日";
    }
    if (s.getMonthValue() != e.getMonthValue()) {
      return first + "至 " + e.getMonthValue() + " 月 " + e.getDayOfMonth() + " 日";
    }
    return first + "至 " + e.getDayOfMonth() + " 日";
  }

  private static String englishDates(LocalDate s, LocalDate e) {
    String last = e.getDayOfMonth() + " " + MONTHS[e.getMonthValue() - 1] + " " + e.getYear();
    if (s.equals(e)) {
      return last;
    }
    if (s.getYear() != e.getYear()) {
      return s.getDayOfMonth() + " " + MONTHS[s.getMonthValue() - 1] + " " + s.getYear() + "–" + last;
    }
    if (s.getMonthValue() != e.getMonthValue()) {
      return s.getDayOfMonth() + " " + MONTHS[s.getMonthValue() - 1] + "–" + last;
    }
    return s.getDayOfMonth() + "–" + last;
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
