package org.rapporteur.testing.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.rapporteur.testing.Await;

/**
 * A Kafka cluster of KRaft nodes, each broker and controller in a process of its own on fixed
 * loopback ports (a node killed and started again comes back where it was), sharing one cluster id.
 */
public final class KafkaCluster {

  private final List<Broker> nodes = new ArrayList<>();

  /**
   * @param size the number of nodes, all of them voters of the controller quorum
   * @param settings broker settings every node gets on top of its own identity and listeners:
   *     replication factors and {@code min.insync.replicas}, the default partitions
   */
  public KafkaCluster(Path directory, int size, List<String> jvmOptions, Map<String, String> settings) {
    String clusterId = Uuid.randomUuid().toString();
    List<Integer> ports = new ArrayList<>();
    List<Integer> controllerPorts = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ports.add(Ports.free());
      controllerPorts.add(Ports.free());
    }
    StringJoiner voters = new StringJoiner(",");
    for (int i = 0; i < size; i++) {
      voters.add((i + 1) + "@localhost:" + controllerPorts.get(i));
    }
    for (int i = 0; i < size; i++) {
      Map<String, String> node = new LinkedHashMap<>(settings);
      node.put("node.id", Integer.toString(i + 1));
      node.put("controller.quorum.voters", voters.toString());
      node.put("listeners", "PLAINTEXT://localhost:" + ports.get(i) + ",CONTROLLER://localhost:" + controllerPorts.get(i));
      node.put("advertised.listeners", "PLAINTEXT://localhost:" + ports.get(i));
      nodes.add(Broker.clusterNode("kafka-" + (i + 1), directory, jvmOptions, ports.get(i), clusterId, node));
    }
  }

  public String bootstrapServers() {
    return nodes.stream().map(Broker::bootstrapServers).collect(Collectors.joining(","));
  }

  /** The node with this id (1..size). */
  public Broker node(int id) {
    return nodes.get(id - 1);
  }

  /** Starts every node at once (a quorum needs a majority to elect a leader) and waits until all are members. */
  public void start(Duration patience) {
    nodes.forEach(Broker::launch);
    awaitMembers(patience);
  }

  /** Starts a node again after a stop or a kill and waits until the cluster counts it again. */
  public void restart(int id, Duration patience) {
    node(id).launch();
    awaitMembers(patience);
  }

  /** Waits until every node is a member of the cluster, as a client sees it. */
  public void awaitMembers(Duration patience) {
    Await.until("all " + nodes.size() + " Kafka nodes in the cluster", patience, () -> {
      for (Broker node : nodes) {
        if (!node.alive()) {
          throw new IllegalStateException("a Kafka node exited; see " + node.log());
        }
      }
      try (Admin admin = admin()) {
        return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == nodes.size();
      } catch (Exception e) {
        return false;
      }
    });
  }

  /** Waits until every partition of the topic has all its replicas in sync. */
  public void awaitFullyReplicated(String topic, Duration patience) {
    Await.until("every replica of " + topic + " in sync", patience, () -> {
      try (Admin admin = admin()) {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
            .get(5, TimeUnit.SECONDS).get(topic);
        return description.partitions().stream().allMatch(p -> p.isr().size() == p.replicas().size()
            && p.leader() != null && !p.leader().isEmpty());
      } catch (Exception e) {
        return false;
      }
    });
  }

  /** The ids of the nodes each partition of the topic is replicated on. */
  public Map<Integer, Set<Integer>> replicas(String topic) throws Exception {
    try (Admin admin = admin()) {
      return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
          .partitions().stream().collect(Collectors.toMap(p -> p.partition(),
              p -> p.replicas().stream().map(Node::id).collect(Collectors.toSet())));
    }
  }

  public void stop() {
    nodes.parallelStream().forEach(Broker::stop);
  }

  public Admin admin() {
    return Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
  }
}
