package io.faultline.models.kafka.config;

import io.faultline.sim.BadInputException;
import org.apiguardian.api.API;

/**
 * The shape of a Kafka cluster: how many brokers, how many partitions its one topic has, and on how
 * many brokers each partition is replicated (assigned round-robin, first replica preferred, FIDELITY C4).
 *
 * <pre>{@code
 * KafkaCluster c = KafkaCluster.create(sim, config, new ClusterShape(3, 1, 3));   // 3 brokers, 1 partition, RF 3
 * }</pre>
 *
 * @param brokers           the number of brokers
 * @param partitions        the topic's partitions
 * @param replicationFactor replicas per partition; at most {@code brokers}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ClusterShape(int brokers, int partitions, int replicationFactor) {
    public ClusterShape {
        if (replicationFactor > brokers) {
            throw new BadInputException("replication factor " + replicationFactor
                    + " exceeds the " + brokers + " brokers");
        }
    }
}
