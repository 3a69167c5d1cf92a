package org.rapporteur.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.rapporteur.testing.load.Api;
import org.rapporteur.testing.load.Audit;
import org.rapporteur.testing.load.Database;
import org.rapporteur.testing.load.Topic;
import org.rapporteur.testing.load.Waits;
import org.rapporteur.testing.load.Workload;
import org.rapporteur.testing.process.KafkaCluster;

/**
 * The production topology as real processes on this machine (issue 19): three KRaft brokers
 * (replication factor 3, min.insync.replicas 2), the local PostgreSQL with a database per side, two
 * command-side and two query-side instances from their executable jars, and nginx with the front
 * door's configuration. Writers work through the front door only, each reading its own write back
 * with {@code minPosition}, while faults strike one after another: a broker killed and restarted, a
 * command-side instance killed under load, a query-side instance killed (its partitions move) and
 * restarted, a rolling restart of every instance, a projection rebuild while both query sides run.
 *
 * <p>Each fault has reports of its own. At the end, per fault: acknowledged = stored = published =
 * applied, nothing lost or stored twice, each query-side instance reads the same drafts, and no
 * read-your-writes read showed less than its write. One row per fault is printed; any loss,
 * duplicate or other problem fails the test.
 *
 * <p>{@code mvn verify} runs a short round (a broker killed, a rebuild; fewer writers); {@code -Dtopology.full=true}
 * runs every fault with more writers and reports (README, Production topology).
 */
class TopologyTest {

  private static final boolean FULL = Boolean.getBoolean("topology.full");
  private static final Path ROOT = Path.of(System.getProperty("topology.root", "..")).toAbsolutePath().normalize();
  private static final Path WORK = Path.of("target", "topology").toAbsolutePath();
  private static final int THREADS = FULL ? 12 : 4;
  private static final int RATE_PER_THREAD = 4;
  private static final int REPORTS_PER_FAULT = FULL ? 5 : 3;
  /** Acknowledged commands before a fault, between its steps and after it. */
  private static final int ACKS_PER_STEP = FULL ? 150 : 25;
  private static final Duration STEP = Duration.ofMinutes(3);
  private static final Duration KAFKA = Duration.ofSeconds(120);

  /** One fault: what it does to the running topology, while the load runs. */
  private record Fault(String name, boolean shortRound, Injection injection) {}

  private interface Injection {
    void inject(Env env, Workload load) throws Exception;
  }

  /** What one fault's load left behind, audited at the end. */
  private record Phase(String fault, List<String> reports, Queue<Workload.Ack> acks, Workload load,
      List<String> problems) {}

  @Test
  void theTopologyLosesAndDuplicatesNothingUnderFaults() throws Exception {
    Assumptions.assumeTrue(FrontDoor.installed(), "nginx is missing");
    List<Fault> faults = List.of(
        new Fault("broker kill -9 and restart", true, TopologyTest::killBroker),
        new Fault("command side kill -9", FULL, TopologyTest::killCommandSide),
        new Fault("query side kill -9 and restart", FULL, TopologyTest::killQuerySide),
        new Fault("rolling restart of every instance", FULL, TopologyTest::rollingRestart),
        new Fault("rebuild with both query sides running", true, TopologyTest::rebuild));
    List<Phase> phases = new ArrayList<>();
    try (Env env = Env.start()) {
      env.checkRolesAndPartitions();
      for (Fault fault : faults) {
        if (fault.shortRound() || FULL) {
          phases.add(run(env, fault));
        }
      }
      List<Audit.Row> rows = audit(env, phases);
      print(rows, phases);
      assertThat(rows).as("every fault: nothing lost, nothing twice, every count equal, no problem")
          .allSatisfy(row -> assertThat(row.ok()).as(row.fault() + ": " + row.problems()).isTrue());
    }
  }

  private static Phase run(Env env, Fault fault) throws Exception {
    System.out.println("TOPOLOGY fault: " + fault.name());
    Queue<Workload.Ack> acks = new ConcurrentLinkedQueue<>();
    List<Workload.Report> reports = new ArrayList<>();
    String prefix = fault.name().replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "");
    prefix = prefix.substring(0, Math.min(prefix.length(), 30));
    for (int i = 0; i < REPORTS_PER_FAULT; i++) {
      reports.add(Workload.createReport(env.frontDoor.api(), prefix, acks));
    }
    Workload load = new Workload(env.frontDoor.api(), reports, acks, RATE_PER_THREAD, true);
    List<String> problems = new ArrayList<>();
    load.start(THREADS);
    try {
      load.awaitMoreAcks(ACKS_PER_STEP, STEP);
      fault.injection().inject(env, load);
      load.awaitMoreAcks(ACKS_PER_STEP, STEP);
    } catch (RuntimeException | AssertionError e) {
      problems.add("the fault's steps failed: " + e);
    } finally {
      load.stop();
    }
    return new Phase(fault.name(), reports.stream().map(Workload.Report::id).toList(), acks, load, problems);
  }

  // ---- the faults -----------------------------------------------------------------------------

  private static void killBroker(Env env, Workload load) throws Exception {
    env.kafka.node(2).kill();
    // Two replicas of three are in sync, as min.insync.replicas asks: writes go on meanwhile.
    load.awaitMoreAcks(ACKS_PER_STEP, STEP);
    env.kafka.restart(2, KAFKA);
    env.kafka.awaitFullyReplicated(Topic.NAME, KAFKA);
  }

  private static void killCommandSide(Env env, Workload load) {
    Side victim = env.commandSides.get(0);
    victim.kill();
    load.awaitMoreAcks(ACKS_PER_STEP, STEP); // the other instance answers, through the front door
    victim.start();
  }

  private static void killQuerySide(Env env, Workload load) {
    Side victim = env.querySides.get(0);
    Side survivor = env.querySides.get(1);
    victim.kill();
    Waits.until("the killed instance's partitions to move to " + survivor.name, STEP,
        () -> survivor.partitions().size() == Topology.PARTITIONS);
    load.awaitMoreAcks(ACKS_PER_STEP, STEP);
    victim.start();
    env.awaitPartitionsShared();
  }

  private static void rollingRestart(Env env, Workload load) {
    List<Side> all = new ArrayList<>(env.commandSides);
    all.addAll(env.querySides);
    for (Side side : all) {
      side.stop();
      side.start();
      if (side.kind == Side.Kind.QUERY) {
        env.awaitPartitionsShared();
      }
      load.awaitMoreAcks(ACKS_PER_STEP / 2, STEP);
    }
  }

  private static void rebuild(Env env, Workload load) throws IOException {
    Api api = env.frontDoor.api();
    Api.Answer started = api.post("admin", "/api/admin/projections/rebuild", null);
    if (started.status() != 202) {
      throw new IllegalStateException("rebuild answered " + started.status() + ": " + started.body());
    }
    String id = started.body().get("rebuildId").asText();
    String[] status = {"RUNNING"};
    Waits.until("rebuild " + id + " to end", STEP, () -> {
      try {
        Api.Answer answer = api.get("admin", "/api/admin/projections/rebuild/" + id);
        status[0] = answer.ok() ? answer.body().get("status").asText() : status[0];
      } catch (IOException e) {
        return false;
      }
      return !status[0].equals("RUNNING");
    });
    if (!status[0].equals("COMPLETED")) {
      throw new IllegalStateException("rebuild " + id + " ended " + status[0]);
    }
    load.awaitMoreAcks(ACKS_PER_STEP, STEP);
  }

  // ---- the audit ------------------------------------------------------------------------------

  private static List<Audit.Row> audit(Env env, List<Phase> phases) throws Exception {
    // Everything stored must be published and applied before counting: wait for each report's head.
    for (Phase phase : phases) {
      for (String report : phase.reports()) {
        long head = env.storedHead(report);
        if (!env.frontDoor.api().readable(report, head, STEP)) {
          phase.problems().add(report + ": stored head " + head + " not readable through the front door");
        }
      }
    }
    List<ConsumerRecord<byte[], byte[]>> records = new Topic(env.kafka.bootstrapServers()).scan();
    List<Audit.Row> rows = new ArrayList<>();
    for (Phase phase : phases) {
      List<String> problems = new ArrayList<>(phase.problems());
      problems.addAll(phase.load().staleReads());
      for (String report : phase.reports()) {
        problems.addAll(env.sameDraftOnEveryQuerySide(report));
      }
      rows.add(Audit.row(phase.fault(), 1, phase.reports(), phase.acks(), env.commandDatabase, env.queryDatabase,
          records, problems));
    }
    return rows;
  }

  private static void print(List<Audit.Row> rows, List<Phase> phases) {
    StringBuilder table = new StringBuilder("\nTOPOLOGY " + (FULL ? "full" : "short") + " round: " + THREADS
        + " writers, " + REPORTS_PER_FAULT + " reports per fault, 3 brokers, 2 + 2 instances, nginx\n");
    table.append(String.format("| %-40s | %6s | %6s | %9s | %7s | %4s | %10s | %9s | %7s | %11s | %8s |%n",
        "fault", "acked", "stored", "published", "applied", "lost", "duplicates", "ryw reads", "unknown",
        "writes held", "problems"));
    table.append("|").append("-".repeat(42)).append(("|" + "-".repeat(8)).repeat(2)).append("|").append("-".repeat(11))
        .append("|").append("-".repeat(9)).append("|").append("-".repeat(6)).append("|").append("-".repeat(12))
        .append("|").append("-".repeat(11)).append("|").append("-".repeat(9)).append("|").append("-".repeat(13))
        .append("|").append("-".repeat(10)).append("|\n");
    for (int i = 0; i < rows.size(); i++) {
      Audit.Row row = rows.get(i);
      Workload load = phases.get(i).load();
      table.append(String.format("| %-40s | %6d | %6d | %9d | %7d | %4d | %10d | %9d | %7d | %9.1f s | %8d |%n",
          row.fault(), row.acknowledged(), row.stored(), row.published(), row.applied(), row.lost(), row.duplicates(),
          load.readsChecked(), load.unknown(), load.longestStall().toMillis() / 1000.0, row.problems().size()));
    }
    rows.stream().filter(row -> !row.problems().isEmpty()).forEach(row -> table.append(row.fault()).append(": ")
        .append(row.problems().subList(0, Math.min(20, row.problems().size()))).append('\n'));
    System.out.println(table);
  }

  // ---- the running topology -------------------------------------------------------------------

  /** The processes, started in the order compose's depends_on gives, stopped in reverse. */
  private static final class Env implements AutoCloseable {

    final KafkaCluster kafka;
    final Database commandDatabase;
    final Database queryDatabase;
    final List<Side> commandSides = new ArrayList<>();
    final List<Side> querySides = new ArrayList<>();
    final FrontDoor frontDoor;

    private Env() throws SQLException {
      kafka = new KafkaCluster(WORK, Topology.BROKERS, List.of("-Xmx320m"), Topology.brokerSettings());
      commandDatabase = Database.freshPostgres("rapporteur_topology_command");
      queryDatabase = Database.freshPostgres("rapporteur_topology_query");
      Path keys = WORK.resolve("signing-keys");
      for (String name : Topology.commandSides()) {
        commandSides.add(new Side(name, Side.Kind.COMMAND, WORK, kafka.bootstrapServers(), commandDatabase, keys));
      }
      for (String name : Topology.querySides()) {
        querySides.add(new Side(name, Side.Kind.QUERY, WORK, kafka.bootstrapServers(), queryDatabase, keys));
      }
      frontDoor = new FrontDoor(WORK.resolve("front-door"));
    }

    static Env start() throws Exception {
      deleteRecursively(WORK);
      Env env = new Env();
      try {
        env.kafka.start(KAFKA);
        // The first command side creates the topic and the signing key; the rest start meanwhile.
        env.commandSides.get(0).launch();
        env.querySides.forEach(Side::launch);
        env.commandSides.get(0).awaitUp();
        env.commandSides.subList(1, env.commandSides.size()).forEach(Side::start);
        env.querySides.forEach(Side::awaitUp);
        Map<String, Integer> ports = new LinkedHashMap<>();
        env.commandSides.forEach(side -> ports.put(side.name, side.port));
        env.querySides.forEach(side -> ports.put(side.name, side.port));
        env.frontDoor.start(ROOT.resolve("deploy"), ports);
        env.kafka.awaitFullyReplicated(Topic.NAME, KAFKA);
        return env;
      } catch (Exception | Error e) {
        env.close();
        throw e;
      }
    }

    void checkRolesAndPartitions() throws Exception {
      commandSides.forEach(side -> assertThat(side.role()).as(side.name).isEqualTo(side.kind.role));
      querySides.forEach(side -> assertThat(side.role()).as(side.name).isEqualTo(side.kind.role));
      awaitPartitionsShared();
      assertThat(kafka.replicas(Topic.NAME)).hasSize(Topology.PARTITIONS)
          .allSatisfy((partition, replicas) -> assertThat(replicas).hasSize(Topology.REPLICATION_FACTOR));
    }

    /** Every query-side instance owns some partitions, and together all of them, each once. */
    void awaitPartitionsShared() {
      Waits.until("the partitions shared by every query side", STEP, () -> {
        Set<Integer> all = new TreeSet<>();
        int total = 0;
        for (Side side : querySides) {
          Set<Integer> owned = side.partitions();
          if (owned.isEmpty()) {
            return false;
          }
          all.addAll(owned);
          total += owned.size();
        }
        return all.size() == Topology.PARTITIONS && total == Topology.PARTITIONS;
      });
    }

    long storedHead(String report) throws SQLException {
      try (Connection c = commandDatabase.connect();
          PreparedStatement s = c.prepareStatement(
              "SELECT COALESCE(MAX(sequenceNumber) + 1, 0) FROM DomainEventEntry WHERE aggregateIdentifier = ?")) {
        s.setString(1, report);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }

    /** The report read from each query-side instance directly: the same draft, or a problem. */
    List<String> sameDraftOnEveryQuerySide(String report) throws Exception {
      long head = storedHead(report);
      Map<String, JsonNode> drafts = new LinkedHashMap<>();
      for (Side side : querySides) {
        Api.Answer answer = side.api().get("auditor", "/api/reports/" + report + "?minPosition=" + head);
        drafts.put(side.name, answer.ok() ? answer.body() : null);
      }
      List<JsonNode> distinct = drafts.values().stream().distinct().toList();
      return distinct.size() == 1 && distinct.get(0) != null
          ? List.of()
          : List.of(report + ": the query sides read different drafts at position " + head + ": " + drafts.keySet());
    }

    @Override
    public void close() {
      frontDoor.stop();
      List<Side> sides = new ArrayList<>(commandSides);
      sides.addAll(querySides);
      sides.parallelStream().forEach(Side::stop); // each takes seconds to shut down: not one after another
      kafka.stop();
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
