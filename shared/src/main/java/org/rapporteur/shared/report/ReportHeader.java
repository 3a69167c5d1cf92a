package org.rapporteur.shared.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The header block of a report, as the reference report shows it.
 *
 * @param body the meeting ("Inter-Agency Meeting on Outer Space Activities")
 * @param sessionNumber the session (40)
 * @param title the report's title
 * @param venue where the session was held ("online")
 * @param startDate first day of the session
 * @param endDate last day of the session
 * @param language the report's language, a BCP 47 tag ("zh", "en")
 * @param parentMeeting the meeting the report is submitted to, optional; lines separated by '\n'
 * @param parentAgendaItem the parent meeting's agenda item it is submitted under, optional
 * @param symbol the document symbol, optional until published
 * @param footnotes notes to the header, in order: the first is marked {@code *} in the text
 *     above it, as the reference's footnote to its provisional agenda
 */
public record ReportHeader(
    String body,
    int sessionNumber,
    String title,
    String venue,
    LocalDate startDate,
    LocalDate endDate,
    String language,
    String parentMeeting,
    String parentAgendaItem,
    String symbol,
    List<String> footnotes) {

  public ReportHeader {
    footnotes = footnotes == null ? List.of() : List.copyOf(footnotes);
  }
}
