package org.rapporteur.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.rapporteur.demo.Scenario.AgendaItem;
import org.rapporteur.demo.Scenario.Command;
import org.rapporteur.demo.Scenario.Participant;
import org.rapporteur.demo.Scenario.Section;
import org.rapporteur.demo.Scenario.Session;
import org.rapporteur.demo.Scenario.Stage;
import org.rapporteur.demo.Scenario.Step;
import org.rapporteur.demo.Scenario.Target;
import org.rapporteur.demo.Scenario.Unit;
import org.rapporteur.demo.ScenarioFile.ActorSpec;
import org.rapporteur.demo.ScenarioFile.ItemSpec;
import org.rapporteur.demo.ScenarioFile.ParticipantSpec;
import org.rapporteur.demo.ScenarioFile.ReportSpec;
import org.rapporteur.demo.ScenarioFile.SectionSpec;
import org.rapporteur.demo.ScenarioFile.StepSpec;
import org.rapporteur.demo.ScenarioFile.UnitSpec;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.AgendaItemId;
import org.rapporteur.shared.report.DecisionId;
import org.rapporteur.shared.report.DecisionKind;
import org.rapporteur.shared.report.Identifiers;
import org.rapporteur.shared.report.ParagraphId;
import org.rapporteur.shared.report.ParticipantId;
import org.rapporteur.shared.report.ParticipantRole;
import org.rapporteur.shared.report.ReportHeader;
import org.rapporteur.shared.report.ReportId;
import org.rapporteur.shared.report.ReservationKind;
import org.rapporteur.shared.report.Role;
import org.rapporteur.shared.report.SectionId;

/**
 * Reads a scenario written in YAML (the format is described at the top of {@code
 * scenarios/un-space-40.yaml}) and checks it before anything is sent: every key a step names
 * exists, and nothing is acted on before the step that creates it. A broken scenario fails with
 * an {@link InvalidScenario} naming the step or entry at fault.
 */
public final class ScenarioReader {

  /** The classpath resource of the reference report's scenario. */
  public static final String REFERENCE = "scenarios/un-space-40.yaml";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ScenarioReader() {}

  /** The reference report's scenario, as shipped in this module. */
  public static Scenario reference() {
    return fromClasspath(REFERENCE);
  }

  /** Reads a scenario from a classpath resource such as {@code scenarios/un-space-40.yaml}. */
  public static Scenario fromClasspath(String resource) {
    ClassLoader loader = ScenarioReader.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new InvalidScenario(resource + ": no such classpath resource");
      }
      return read(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Reads a scenario from a file, for importing a report written in this format. */
  public static Scenario fromPath(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  static Scenario read(InputStream in, String source) throws IOException {
    ScenarioFile file;
    try {
      file = YAML.readValue(in, ScenarioFile.class);
    } catch (JsonProcessingException e) {
      throw new InvalidScenario(source + ": not a scenario: " + e.getOriginalMessage());
    }
    if (file == null) {
      throw new InvalidScenario(source + ": empty");
    }
    return new Validation(source, file).scenario();
  }

  /** A scenario that cannot be played; the message names the step or entry at fault. */
  public static final class InvalidScenario extends RuntimeException {
    InvalidScenario(String message) {
      super(message);
    }
  }

  /** One pass over a file: builds the model, then walks the story as the runner will. */
  private static final class Validation {
    private final String source;
    private final ScenarioFile file;
    private String reportKey;
    private final Set<String> keys = new HashSet<>();
    private final Map<String, AgendaItem> items = new LinkedHashMap<>();
    private final Map<String, Section> sections = new LinkedHashMap<>();
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    private final Map<String, Actor> actors = new LinkedHashMap<>();

    Validation(String source, ScenarioFile file) {
      this.source = source;
      this.file = file;
    }

    Scenario scenario() {
      ReportHeader header = header(require(file.report(), "report"));
      actors();
      agenda();
      sections();
      participants();
      List<String> members = members();
      List<Stage> stages = stages();
      new Story().check(stages);
      return new Scenario(
          id(reportKey, "report", ReportId::of),
          header,
          actors,
          List.copyOf(items.values()),
          List.copyOf(sections.values()),
          List.copyOf(participants.values()),
          members,
          stages);
    }

    private ReportHeader header(ReportSpec r) {
      reportKey = require(r.key(), "report.key");
      return new ReportHeader(
          require(r.body(), "report.body"),
          require(r.sessionNumber(), "report.sessionNumber"),
          require(r.title(), "report.title"),
          require(r.venue(), "report.venue"),
          date(require(r.startDate(), "report.startDate"), "report.startDate"),
          date(require(r.endDate(), "report.endDate"), "report.endDate"),
          require(r.language(), "report.language"),
          r.parentMeeting(),
          r.parentAgendaItem(),
          r.symbol(),
          r.footnotes());
    }

    /** Every delegate among the actors drafts in the report, so its entity must be a member. */
    private List<String> members() {
      List<String> members = list(file.members());
      actors.forEach((user, actor) -> {
        if (actor.is(Role.DELEGATE) && !members.contains(actor.entity())) {
          throw invalid("actors." + user + ": entity " + actor.entity() + " is not among members");
        }
      });
      return members;
    }

    private void actors() {
      require(file.actors(), "actors").forEach((user, spec) -> {
        String where = "actors." + user;
        Role role = enumValue(Role.class, require(spec, where).role(), where + ".role");
        actors.put(user, new Actor(user, role, spec.entity()));
      });
    }

    private void agenda() {
      for (ItemSpec item : list(file.agenda())) {
        String key = newKey(item.key(), "agenda item");
        items.put(key, new AgendaItem(key, id(key, "agenda item", AgendaItemId::of),
            require(item.title(), "agenda item " + key + ".title")));
      }
    }

    private void sections() {
      for (SectionSpec s : list(file.sections())) {
        String key = newKey(s.key(), "section");
        String where = "section " + key;
        SectionId sectionId = id(key, "section", SectionId::of);
        List<AgendaItemId> covered = new ArrayList<>();
        for (String itemKey : list(s.agendaItems())) {
          covered.add(known(items, itemKey, "agenda item", where).id());
        }
        List<Unit> sectionUnits = new ArrayList<>();
        for (UnitSpec u : list(s.units())) {
          Unit unit = unit(u, sectionId, where);
          units.put(unit.key(), unit);
          sectionUnits.add(unit);
        }
        sections.put(key, new Section(key, sectionId, require(s.chapter(), where + ".chapter"),
            require(s.title(), where + ".title"), covered, sectionUnits));
      }
    }

    private Unit unit(UnitSpec u, SectionId sectionId, String where) {
      if ((u.paragraph() == null) == (u.decision() == null)) {
        throw invalid(where + ": a unit names exactly one of 'paragraph' or 'decision'");
      }
      if (u.paragraph() != null) {
        String key = newKey(u.paragraph(), "paragraph");
        if (u.kind() != null) {
          throw invalid("paragraph " + key + ": only a decision has a kind");
        }
        return new Unit(key, sectionId, id(key, "paragraph", ParagraphId::of), null, null,
            require(u.text(), "paragraph " + key + ".text"));
      }
      String key = newKey(u.decision(), "decision");
      return new Unit(key, sectionId, null, id(key, "decision", DecisionId::of),
          enumValue(DecisionKind.class, u.kind(), "decision " + key + ".kind"),
          require(u.text(), "decision " + key + ".text"));
    }

    private void participants() {
      for (ParticipantSpec p : list(file.participants())) {
        String key = newKey(p.key(), "participant");
        String where = "participant " + key;
        participants.put(key, new Participant(key, id(key, "participant", ParticipantId::of),
            enumValue(ParticipantRole.class, p.role(), where + ".role"),
            require(p.name(), where + ".name"), require(p.entity(), where + ".entity")));
      }
    }

    private List<Stage> stages() {
      List<Stage> stages = new ArrayList<>();
      List<StepSpec> specs = require(file.steps(), "steps");
      for (int i = 0; i < specs.size(); i++) {
        StepSpec spec = specs.get(i);
        String label = "step " + (i + 1);
        if (spec.parallel() != null) {
          if (spec.as() != null || spec.command() != null) {
            throw invalid(label + ": a parallel block holds steps and nothing else");
          }
          List<Step> steps = new ArrayList<>();
          for (int j = 0; j < spec.parallel().size(); j++) {
            StepSpec inner = spec.parallel().get(j);
            if (inner.parallel() != null) {
              throw invalid(label + "." + (j + 1) + ": parallel blocks do not nest");
            }
            steps.addAll(steps(inner, label + "." + (j + 1)));
          }
          stages.add(new Stage(true, steps));
        } else {
          stages.add(new Stage(false, steps(spec, label)));
        }
      }
      return stages;
    }

    /** One step of the YAML, expanded to one step per key it acts on. */
    private List<Step> steps(StepSpec spec, String label) {
      String user = require(spec.as(), label + ".as");
      Actor actor = actors.get(user);
      if (actor == null) {
        throw invalid(label + ": unknown actor '" + user + "'; actors are " + actors.keySet());
      }
      Command command = Command.named(require(spec.command(), label + ".do"));
      if (command == null) {
        throw invalid(label + ": unknown command '" + spec.command() + "'");
      }
      String named = label + " (" + command.yamlName() + ")";
      boolean revise = command == Command.REVISE_PARAGRAPH;
      boolean draft = command == Command.DRAFT_PARAGRAPH;
      boolean needsText = command == Command.RECORD_RESERVATION || command == Command.ISSUE_CORRIGENDUM;
      if (spec.text() != null && !revise && !draft && !needsText && command != Command.PROPOSE_ORAL_AMENDMENT) {
        throw invalid(named + ": only DraftParagraph, ReviseParagraph, ProposeOralAmendment, RecordReservation"
            + " and IssueCorrigendum take a text");
      }
      if (needsText) {
        require(spec.text(), named + ".text");
      }
      Session session = session(spec, command, named);
      if (spec.baseRevision() != null && !revise) {
        throw invalid(named + ": only ReviseParagraph takes a baseRevision");
      }
      if ((spec.comment() != null) != (command == Command.RETURN_PARAGRAPH)) {
        throw invalid(named + ": ReturnParagraph, and only it, takes a comment");
      }
      boolean expectStale = false;
      if (spec.expect() != null) {
        if (!"stale".equals(spec.expect()) || !revise || spec.baseRevision() == null) {
          throw invalid(named + ": 'expect: stale' goes only on a ReviseParagraph with a baseRevision");
        }
        expectStale = true;
      }
      List<String> keys = targets(spec.on(), command.target(), named);
      List<Step> steps = new ArrayList<>();
      for (String key : keys) {
        steps.add(new Step(label, user, actor, command, key, spec.text(), spec.comment(),
            spec.baseRevision(), expectStale, session));
      }
      return steps;
    }

    /** The fields of the adoption session's steps, each on the commands that take it and required there. */
    private Session session(StepSpec spec, Command command, String named) {
      if ((spec.after() != null) && command != Command.DRAFT_PARAGRAPH) {
        throw invalid(named + ": only DraftParagraph takes an 'after'");
      }
      if (spec.after() != null && !units.containsKey(spec.after())) {
        throw invalid(named + ": unknown paragraph '" + spec.after() + "' in 'after'");
      }
      boolean byEntity = command == Command.PROPOSE_ORAL_AMENDMENT || command == Command.RECORD_RESERVATION;
      if ((spec.by() != null) != byEntity) {
        throw invalid(named + ": ProposeOralAmendment and RecordReservation, and only they, take a 'by'");
      }
      if ((spec.kind() != null) != (command == Command.RECORD_RESERVATION)) {
        throw invalid(named + ": RecordReservation, and only it, takes a 'kind'");
      }
      if ((spec.reason() != null) != (command == Command.ISSUE_CORRIGENDUM)) {
        throw invalid(named + ": IssueCorrigendum, and only it, takes a 'reason'");
      }
      if (spec.adReferendum() != null && command != Command.ADOPT_REPORT) {
        throw invalid(named + ": only AdoptReport takes 'adReferendum'");
      }
      return new Session(
          spec.after(),
          spec.by(),
          spec.kind() == null ? null : enumValue(ReservationKind.class, spec.kind(), named + ".kind"),
          spec.reason(),
          Boolean.TRUE.equals(spec.adReferendum()));
    }

    private List<String> targets(List<String> on, Target target, String named) {
      if (target == Target.NONE) {
        if (on != null) {
          throw invalid(named + ": acts on the report and takes no 'on'");
        }
        return java.util.Collections.singletonList(null);
      }
      if (on == null || on.isEmpty()) {
        throw invalid(named + ": 'on' must name the " + target.noun() + "(s) it acts on");
      }
      if (on.equals(List.of("all"))) {
        return allOf(target);
      }
      for (String key : on) {
        if (!allOf(target).contains(key)) {
          throw invalid(named + ": unknown " + target.noun() + " '" + key + "'");
        }
      }
      return on;
    }

    private List<String> allOf(Target target) {
      switch (target) {
        case AGENDA_ITEM:
          return List.copyOf(items.keySet());
        case SECTION:
          return List.copyOf(sections.keySet());
        case PARTICIPANT:
          return List.copyOf(participants.keySet());
        case PARAGRAPH:
          return units.values().stream().filter(u -> !u.isDecision()).map(Unit::key).toList();
        case DECISION:
          return units.values().stream().filter(Unit::isDecision).map(Unit::key).toList();
        default:
          return List.of();
      }
    }

    /**
     * Walks the story in the order the runner sends it, so that a step acting on something not
     * yet created is caught here with its name, not as a rejection half-way through a run. Within
     * a parallel block an actor sees what existed before the block and what it created itself.
     */
    private final class Story {
      private final Map<String, String> created = new HashMap<>();
      private final Set<String> insertedLater = new HashSet<>();
      private final Map<String, Integer> nextUnitOfSection = new HashMap<>();

      void check(List<Stage> stages) {
        stages.forEach(stage -> stage.steps().stream()
            .filter(step -> step.session().after() != null)
            .forEach(step -> insertedLater.add(step.key())));
        for (Stage stage : stages) {
          if (!stage.parallel()) {
            stage.steps().forEach(step -> apply(step, created));
            continue;
          }
          Map<String, String> before = Map.copyOf(created);
          Map<String, Map<String, String>> views = new HashMap<>();
          Map<String, String> sectionWriter = new HashMap<>();
          for (Step step : stage.steps()) {
            Map<String, String> view = views.computeIfAbsent(step.user(), u -> new HashMap<>(before));
            if (createsUnit(step)) {
              String section = sectionKey(units.get(step.key()).sectionId());
              String other = sectionWriter.putIfAbsent(section, step.user());
              if (other != null && !other.equals(step.user())) {
                throw invalid(step.describe() + ": " + other + " also adds to section " + section
                    + " in this parallel block, so their order would be left to chance");
              }
            }
            apply(step, view);
            view.forEach(created::putIfAbsent);
          }
        }
      }

      private boolean createsUnit(Step step) {
        return step.command() == Command.DRAFT_PARAGRAPH
            || step.command() == Command.PROPOSE_DECISION;
      }

      private void apply(Step step, Map<String, String> seen) {
        String at = step.describe();
        Command c = step.command();
        if (c != Command.CREATE_REPORT) {
          need(seen, "report", "the report is not created yet", at);
        }
        switch (c) {
          case CREATE_REPORT:
            create(seen, "report", at);
            break;
          case PROPOSE_AGENDA_ITEM:
            create(seen, "item:" + step.key(), at);
            break;
          case ADOPT_AGENDA:
            create(seen, "agenda-adopted", at);
            break;
          case ADD_SECTION:
            for (AgendaItemId item : sections.get(step.key()).agendaItemIds()) {
              need(seen, "item:" + keyOf(item.value()), "agenda item " + keyOf(item.value())
                  + " is not proposed yet", at);
            }
            create(seen, "section:" + step.key(), at);
            break;
          case ADD_PARTICIPANT:
            create(seen, "participant:" + step.key(), at);
            break;
          case DRAFT_PARAGRAPH:
          case PROPOSE_DECISION:
            Unit unit = units.get(step.key());
            String section = sectionKey(unit.sectionId());
            need(seen, "section:" + section, "section " + section + " is not added yet", at);
            if (step.session().after() != null) {
              insertedAfter(unit, step.session().after(), section, seen, at);
            } else {
              inDocumentOrder(unit, section, at);
            }
            create(seen, "unit:" + step.key(), at);
            break;
          case PROPOSE_ORAL_AMENDMENT:
          case ACCEPT_ORAL_AMENDMENT:
          case BRACKET_PARAGRAPH:
          case ADOPT_PARAGRAPH_IN_SESSION:
          case RECORD_RESERVATION:
          case ISSUE_CORRIGENDUM:
          case REVISE_PARAGRAPH:
          case SUBMIT_PARAGRAPH:
          case RETURN_PARAGRAPH:
          case APPROVE_PARAGRAPH:
            need(seen, "unit:" + step.key(), "paragraph " + step.key() + " is not drafted yet", at);
            break;
          case ADOPT_DECISION:
            need(seen, "unit:" + step.key(), "decision " + step.key() + " is not proposed yet", at);
            break;
          case ADOPT_REPORT:
          case OPEN_ADOPTION_SESSION:
          case CONFIRM_REPORT_ADOPTION:
            break;
          default:
            throw new IllegalStateException("unhandled command " + c);
        }
      }

      /** A unit inserted after another (in session, "bis") must follow it directly in the document. */
      private void insertedAfter(Unit unit, String after, String section, Map<String, String> seen, String at) {
        need(seen, "unit:" + after, "paragraph " + after + " is not drafted yet", at);
        List<Unit> ordered = sections.get(section).units();
        int index = ordered.indexOf(unit);
        if (index < 1 || !ordered.get(index - 1).key().equals(after)) {
          throw invalid(at + ": " + unit.key() + " is inserted after " + after
              + ", but does not follow it in section " + section);
        }
      }

      /** New units go last in their section, so they must be created in document order. */
      private void inDocumentOrder(Unit unit, String section, String at) {
        List<Unit> ordered = sections.get(section).units();
        int expected = nextUnitOfSection.getOrDefault(section, 0);
        // Units the story inserts after another later (in session) are not created in this order.
        while (expected < ordered.size() && insertedLater.contains(ordered.get(expected).key())
            && !ordered.get(expected).equals(unit)) {
          expected++;
        }
        int actual = ordered.indexOf(unit);
        if (actual != expected) {
          throw invalid(at + ": " + unit.key() + " would go last in section " + section
              + ", but " + ordered.get(expected).key() + " comes before it in the document");
        }
        nextUnitOfSection.put(section, expected + 1);
      }

      private void create(Map<String, String> seen, String what, String at) {
        String earlier = created.containsKey(what) ? created.get(what) : seen.get(what);
        if (earlier != null) {
          throw invalid(at + ": " + what.replace(':', ' ') + " was already created by " + earlier);
        }
        seen.put(what, at);
      }

      private void need(Map<String, String> seen, String what, String problem, String at) {
        if (!seen.containsKey(what)) {
          throw invalid(at + ": " + problem);
        }
      }
    }

    private String sectionKey(SectionId id) {
      return keyOf(id.value());
    }

    private String keyOf(String id) {
      return id.substring(reportKey.length() + 1);
    }

    private String newKey(String key, String kind) {
      require(key, kind + ".key");
      if ("all".equals(key)) {
        throw invalid(kind + " key 'all' is reserved: 'on: all' means every one");
      }
      if (!keys.add(key)) {
        throw invalid(kind + " key '" + key + "' is used twice; keys are unique in a scenario");
      }
      return key;
    }

    private <T> T known(Map<String, T> map, String key, String kind, String where) {
      T value = map.get(key);
      if (value == null) {
        throw invalid(where + ": unknown " + kind + " '" + key + "'");
      }
      return value;
    }

    /** The real id: the report's key alone, or "report.key" for everything in it. */
    private <T> T id(String key, String kind, Function<String, T> of) {
      String raw = kind.equals("report") ? key : reportKey + "." + key;
      try {
        return of.apply(raw);
      } catch (Identifiers.InvalidIdentifierException e) {
        throw invalid(kind + " '" + key + "': " + e.getMessage());
      }
    }

    private LocalDate date(String value, String where) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw invalid(where + ": '" + value + "' is not a date (YYYY-MM-DD)");
      }
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String value, String where) {
      require(value, where);
      try {
        return Enum.valueOf(type, value);
      } catch (IllegalArgumentException e) {
        throw invalid(where + ": '" + value + "' is not one of "
            + java.util.Arrays.toString(type.getEnumConstants()));
      }
    }

    private <T> List<T> list(List<T> value) {
      return value == null ? List.of() : value;
    }

    private <T> T require(T value, String where) {
      if (value == null) {
        throw invalid(where + " is missing");
      }
      return value;
    }

    private InvalidScenario invalid(String message) {
      return new InvalidScenario(source + ": " + message);
    }
  }
}
