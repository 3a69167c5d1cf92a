package org.rapporteur.command.integrity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.rapporteur.command.eventstore.StoredEvent;
import org.rapporteur.shared.history.WhyTimeline;
import org.rapporteur.shared.json.ReportEventJson;
import org.rapporteur.shared.report.ParagraphEvent;
import org.rapporteur.shared.report.CorrigendumIssued;
import org.rapporteur.shared.report.ReportAdopted;
import org.rapporteur.shared.report.ReportAdoptedAdReferendum;
import org.rapporteur.shared.report.ReportAdoptionConfirmed;
import org.rapporteur.shared.report.ReportEvent;

/**
 * The evidence bundle's "why" timelines, one file {@code why/<paragraphId>.json} a paragraph,
 * computed from the stored events as {@link #add} is given them in position order, the same
 * timeline the query side answers.
 */
final class WhyTimelines {

  static final String FOLDER = "why/";

  private final Map<String, List<WhyTimeline.Recorded>> byParagraph = new LinkedHashMap<>();
  private final List<WhyTimeline.Recorded> adoptions = new ArrayList<>();

  void add(StoredEvent stored) {
    String type = stored.payloadType().substring(stored.payloadType().lastIndexOf('.') + 1);
    ReportEvent event;
    try {
      event = ReportEventJson.fromBytes(type, stored.payload());
    } catch (RuntimeException unreadable) {
      return; // the event log keeps it as stored, and the verifier reports the chain broken there
    }
    WhyTimeline.Recorded recorded =
        new WhyTimeline.Recorded(stored.position(), stored.eventId(), stored.timestamp(), stored.storedHash(), event);
    if (event instanceof ParagraphEvent p) {
      byParagraph.computeIfAbsent(p.paragraphId().value(), id -> new ArrayList<>()).add(recorded);
    } else if (event instanceof ReportAdopted || event instanceof ReportAdoptedAdReferendum
        || event instanceof ReportAdoptionConfirmed || event instanceof CorrigendumIssued) {
      // Acts on the whole report; each paragraph's timeline keeps those that concern it.
      adoptions.add(recorded);
    }
  }

  void write(String reportId, ZipOutputStream zip) throws IOException {
    for (Map.Entry<String, List<WhyTimeline.Recorded>> paragraph : byParagraph.entrySet()) {
      List<WhyTimeline.Recorded> events = Stream.concat(paragraph.getValue().stream(), adoptions.stream())
          .sorted(Comparator.comparingLong(WhyTimeline.Recorded::position))
          .toList();
      var why = WhyTimeline.of(reportId, paragraph.getKey(), events);
      if (why.isPresent()) {
        zip.putNextEntry(new ZipEntry(FOLDER + paragraph.getKey() + ".json"));
        zip.write(ReportEventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(why.get()));
        zip.closeEntry();
      }
    }
  }
}
