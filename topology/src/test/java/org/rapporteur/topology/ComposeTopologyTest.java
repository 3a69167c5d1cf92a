package org.rapporteur.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml and the topology harness describe one topology: the same services, ports,
 * replication, partitions, databases, consumer group and front door. The harness takes its shape
 * from {@link Topology}; this test holds compose to it, so neither drifts from the other.
 */
class ComposeTopologyTest {

  private static final Path ROOT = Path.of(System.getProperty("topology.root", "..")).toAbsolutePath().normalize();
  private static Map<String, Object> services;

  @BeforeAll
  static void read() throws IOException {
    services = map(yaml(ROOT.resolve("docker-compose.yml")), "services");
  }

  @Test
  void composeRunsTheServicesTheHarnessRuns() {
    Set<String> harness = new LinkedHashSet<>();
    harness.addAll(Topology.brokers());
    harness.add("postgres");
    harness.addAll(Topology.commandSides());
    harness.addAll(Topology.querySides());
    harness.add("front-door");
    assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(harness);
  }

  @Test
  void everyBrokerHasTheHarnessSettingsAndIsAVoterOfOneQuorum() {
    List<String> voters = new ArrayList<>();
    for (int id = 1; id <= Topology.BROKERS; id++) {
      voters.add(id + "@kafka-" + id + ":9093");
    }
    for (String broker : Topology.brokers()) {
      Map<String, String> environment = environment(broker);
      Topology.brokerSettings().forEach((setting, value) ->
          assertThat(environment).as(broker + " " + setting).containsEntry(kafkaVariable(setting), value));
      assertThat(environment).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
          .containsEntry("KAFKA_NODE_ID", broker.substring("kafka-".length()))
          .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", String.join(",", voters))
          .containsKey("CLUSTER_ID");
    }
    assertThat(Topology.brokers().stream().map(b -> environment(b).get("CLUSTER_ID")).distinct()).hasSize(1);
  }

  @Test
  void everyCommandSideCreatesTheTopicAsTheHarnessDoes() {
    for (String instance : Topology.commandSides()) {
      Map<String, String> environment = environment(instance);
      Topology.topicSettings().forEach((property, value) ->
          assertThat(environment).as(instance + " " + property).containsEntry(springVariable(property), value));
    }
  }

  @Test
  void querySidesShareOneGroupEachWithItsOwnStableMemberId() throws IOException {
    Map<String, Object> querySideYml = yaml(ROOT.resolve("query-side/src/main/resources/query-side.yml"));
    assertThat(map(map(querySideYml, "rapporteur"), "kafka")).containsEntry("consumer-group", Topology.CONSUMER_GROUP);
    for (String instance : Topology.querySides()) {
      assertThat(environment(instance)).doesNotContainKey("RAPPORTEUR_KAFKA_CONSUMER_GROUP")
          .containsEntry("RAPPORTEUR_KAFKA_GROUP_INSTANCE_ID", instance);
    }
  }

  @Test
  void eachSideHasItsOwnDatabaseSharedByItsInstances() {
    Set<String> commandSide = new LinkedHashSet<>();
    Topology.commandSides().forEach(i -> commandSide.add(environment(i).get("SPRING_DATASOURCE_URL")));
    Set<String> querySide = new LinkedHashSet<>();
    Topology.querySides().forEach(i -> querySide.add(environment(i).get("SPRING_DATASOURCE_URL")));
    assertThat(commandSide).hasSize(1);
    assertThat(querySide).hasSize(1).doesNotContainAnyElementsOf(commandSide);
  }

  @Test
  void theFrontDoorPublishesThePortAndRunsTheConfigurationTheHarnessRuns() throws IOException {
    Map<String, Object> frontDoor = map(services, "front-door");
    assertThat(list(frontDoor, "ports")).contains(Topology.PORT + ":" + Topology.PORT);
    assertThat(list(frontDoor, "volumes")).contains("./deploy/front-door:/etc/nginx/front-door:ro");
    assertThat(list(frontDoor, "command")).containsSubsequence("-c", "/etc/nginx/front-door/nginx.conf");
    assertThat(Files.readString(ROOT.resolve("deploy/front-door/listen.conf"))).contains("listen " + Topology.PORT + ";");
    // The harness's upstreams are compose's with addresses replaced: it refuses any other instance.
    Map<String, Integer> ports = new LinkedHashMap<>();
    Topology.commandSides().forEach(i -> ports.put(i, 1));
    Topology.querySides().forEach(i -> ports.put(i, 2));
    String upstreams = Files.readString(ROOT.resolve("deploy/front-door/upstreams.conf"));
    assertThat(FrontDoor.upstreams(upstreams, ports)).doesNotContain("-side-");
    assertThat(upstreams).contains("command-side-1:" + Topology.PORT);
  }

  @Test
  void everySideListensOnThePortTheFrontDoorNames() {
    List<String> sides = new ArrayList<>(Topology.commandSides());
    sides.addAll(Topology.querySides());
    for (String instance : sides) {
      assertThat(list(map(services, instance), "expose")).contains(Integer.toString(Topology.PORT));
    }
  }

  private static String kafkaVariable(String setting) {
    return "KAFKA_" + setting.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  private static String springVariable(String property) {
    return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static Map<String, String> environment(String service) {
    Map<String, String> variables = new LinkedHashMap<>();
    map(map(services, service), "environment").forEach((k, v) -> variables.put(k, String.valueOf(v)));
    return variables;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertThat(value).as("'%s' is a mapping", key).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  private static List<String> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertThat(value).as("'%s' is a list", key).isInstanceOf(List.class);
    return ((List<?>) value).stream().map(String::valueOf).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
  }
}
