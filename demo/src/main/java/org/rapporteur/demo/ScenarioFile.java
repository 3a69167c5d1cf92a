package org.rapporteur.demo;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The YAML exactly as written, before any check: the reader turns it into a {@link Scenario}. Kept
 * apart so that the validated model never holds a half-checked value.
 */
record ScenarioFile(
    ReportSpec report,
    Map<String, ActorSpec> actors,
    List<ItemSpec> agenda,
    List<SectionSpec> sections,
    List<ParticipantSpec> participants,
    List<String> members,
    List<StepSpec> steps) {

  record ReportSpec(
      String key,
      String body,
      Integer sessionNumber,
      String title,
      String venue,
      String startDate,
      String endDate,
      String language,
      String parentMeeting,
      String parentAgendaItem,
      String symbol,
      List<String> footnotes) {}

  record ActorSpec(String role, String entity) {}

  record ItemSpec(String key, String title) {}

  record SectionSpec(
      String key, String chapter, String title, List<String> agendaItems, List<UnitSpec> units) {}

  /** Either {@code paragraph} or {@code decision} names the unit. */
  record UnitSpec(String paragraph, String decision, String kind, String text) {}

  record ParticipantSpec(String key, String role, String name, String entity) {}

  /** One command (or one per key in {@code on}), or a parallel block of steps. */
  record StepSpec(
      String as,
      @JsonProperty("do") String command,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> on,
      String text,
      String comment,
      Integer baseRevision,
      String expect,
      String after,
      String by,
      String kind,
      String reason,
      Boolean adReferendum,
      List<StepSpec> parallel) {}
}
