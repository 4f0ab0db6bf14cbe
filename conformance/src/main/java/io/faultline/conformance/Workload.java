package io.faultline.conformance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * What a conformance case runs: a topic of one partition with {@code replicationFactor} replicas on
 * three brokers, the Kafka settings both sides use (real key names, FIDELITY C2: producer keys such
 * as {@code acks}, topic keys such as {@code min.insync.replicas}, and the broker key
 * {@code replica.lag.time.max.ms}, which the real cluster must have been started with), and the
 * steps.
 *
 * <pre>{@code
 * Workload w = new Workload("c1-no-faults", 3, Workload.settings("acks", "all", "replica.lag.time.max.ms", "3000"),
 *         List.of(new Step.Produce(20), new Step.ConsumeAll()));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Workload(String topic, int replicationFactor, Map<String, String> settings, List<Step> steps) {
    /** Settings every case gets unless it says otherwise: one record per request, no batching. */
    private static final Map<String, String> BASE = settings(
            "enable.idempotence", "false",
            "max.in.flight.requests.per.connection", "1",
            "retry.backoff.ms", "100");

    /** Key-value pairs as an ordered map (hash-ordered {@code Map.of} would make iteration order vary). */
    public static Map<String, String> settings(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("settings take key-value pairs, got " + keyValues.length + " strings");
        }
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    public Workload {
        if (replicationFactor < 1 || replicationFactor > 3) {
            throw new IllegalArgumentException("replicationFactor must be in [1, 3], got " + replicationFactor);
        }
        Map<String, String> all = new TreeMap<>(BASE);
        all.putAll(settings);
        settings = java.util.Collections.unmodifiableMap(all);
        steps = List.copyOf(steps);
    }

    /** A setting's value; the case must define it. */
    public String setting(String key) {
        String v = settings.get(key);
        if (v == null) {
            throw new IllegalArgumentException("workload " + topic + " does not set " + key);
        }
        return v;
    }

    /** The broker setting the real cluster must share with the model. */
    public long replicaLagTimeMaxMs() {
        return Long.parseLong(setting("replica.lag.time.max.ms"));
    }
}
