package io.faultline.conformance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A consumer-group conformance case: a topic of {@code partitions} partitions (replication factor
 * 3 on three brokers), a group named after the topic, the Kafka settings both sides use (real key
 * names: producer, consumer, topic and broker keys; the broker keys
 * {@code replica.lag.time.max.ms}, {@code group.initial.rebalance.delay.ms} and
 * {@code offsets.topic.*} must be those the real cluster was started with; {@code kafka.*} keys are
 * the model's description of the application, FIDELITY C7.5), and the steps.
 *
 * <pre>{@code
 * GroupCase c = GroupCases.memberLeaves(3000);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GroupCase(String topic, int partitions, Map<String, String> settings, List<GroupStep> steps) {
    public GroupCase {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
        steps = List.copyOf(steps);
    }

    /** The consumer group: named after the topic, so cases sharing a cluster share nothing. */
    public String group() {
        return topic;
    }

    /** A setting's value; the case must define it. */
    public String setting(String key) {
        String v = settings.get(key);
        if (v == null) {
            throw new IllegalArgumentException("group case " + topic + " does not set " + key);
        }
        return v;
    }

    /** The partition value {@code v} is sent to. */
    public int partitionOf(long value) {
        return (int) ((value - 1) % partitions);
    }
}
