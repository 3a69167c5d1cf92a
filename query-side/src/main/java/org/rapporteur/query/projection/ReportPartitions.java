package org.rapporteur.query.projection;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/** Where a report's records are: the partition the producer's default partitioner picks for its key. */
final class ReportPartitions {

  private ReportPartitions() {}

  static TopicPartition of(Consumer<?, ?> consumer, String topic, String reportId) {
    int partitions = consumer.partitionsFor(topic).size();
    byte[] key = reportId.getBytes(StandardCharsets.UTF_8);
    // Kafka's BuiltInPartitioner.partitionForKey, which keyed records take.
    return new TopicPartition(topic, Utils.toPositive(Utils.murmur2(key)) % partitions);
  }
}
