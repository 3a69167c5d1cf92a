package org.rapporteur.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The production topology as docker-compose.yml declares it, in one place for the harness that
 * runs it ({@link TopologyTest}) and the test that holds compose to it ({@link ComposeTopologyTest}).
 */
final class Topology {

  static final int BROKERS = 3;
  static final int REPLICATION_FACTOR = 3;
  static final int MIN_INSYNC_REPLICAS = 2;
  /** Six partitions: up to six query-side instances share the work, and two get three each. */
  static final int PARTITIONS = 6;
  static final int COMMAND_SIDES = 2;
  static final int QUERY_SIDES = 2;
  /** The port every side listens on, and the front door's. */
  static final int PORT = 8080;
  static final String CONSUMER_GROUP = "rapporteur-query-side";

  /** What every broker is told beyond its identity and listeners: compose's KAFKA_* variables. */
  static Map<String, String> brokerSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("default.replication.factor", Integer.toString(REPLICATION_FACTOR));
    settings.put("min.insync.replicas", Integer.toString(MIN_INSYNC_REPLICAS));
    settings.put("offsets.topic.replication.factor", Integer.toString(REPLICATION_FACTOR));
    settings.put("transaction.state.log.replication.factor", Integer.toString(REPLICATION_FACTOR));
    settings.put("transaction.state.log.min.isr", Integer.toString(MIN_INSYNC_REPLICAS));
    settings.put("num.partitions", Integer.toString(PARTITIONS));
    settings.put("unclean.leader.election.enable", "false");
    settings.put("auto.create.topics.enable", "false");
    settings.put("group.initial.rebalance.delay.ms", "0");
    return settings;
  }

  /** The topic the command side creates: compose's RAPPORTEUR_KAFKA_* variables of the command side. */
  static Map<String, String> topicSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("rapporteur.kafka.partitions", Integer.toString(PARTITIONS));
    settings.put("rapporteur.kafka.replication-factor", Integer.toString(REPLICATION_FACTOR));
    settings.put("rapporteur.kafka.min-insync-replicas", Integer.toString(MIN_INSYNC_REPLICAS));
    return settings;
  }

  static List<String> commandSides() {
    return names("command-side", COMMAND_SIDES);
  }

  static List<String> querySides() {
    return names("query-side", QUERY_SIDES);
  }

  static List<String> brokers() {
    return names("kafka", BROKERS);
  }

  private static List<String> names(String prefix, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + "-" + i).toList();
  }

  private Topology() {}
}
