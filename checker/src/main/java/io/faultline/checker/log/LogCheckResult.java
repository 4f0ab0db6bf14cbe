package io.faultline.checker.log;

import io.faultline.checker.Outcome;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * What the Kafka log checker found: an outcome ({@code INVALID} iff some anomaly the model does
 * not allow is present) and every anomaly, allowed or not.
 *
 * <pre>{@code
 * LogCheckResult r = new KafkaLogChecker().check(history);
 * if (r.outcome() == Outcome.INVALID) System.out.println(r.summary());
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public record LogCheckResult(Outcome outcome, List<Anomaly> anomalies, boolean subscribe, Set<Integer> assigners) {
    public LogCheckResult {
        anomalies = List.copyOf(anomalies);
        assigners = Collections.unmodifiableSet(new TreeSet<>(assigners));
    }

    /** A result whose history has no process that assigned itself partitions. */
    public LogCheckResult(Outcome outcome, List<Anomaly> anomalies, boolean subscribe) {
        this(outcome, anomalies, subscribe, Set.of());
    }

    /**
     * Whether the model allows this anomaly (FIDELITY C10 "Always a bug?"). Skipped and repeated
     * polls are allowed when the history subscribes, as Jepsen allows them, except when every op of
     * the anomaly is by a process that assigned itself its partitions: such a consumer is in no
     * group, so no rebalance can explain it. A process that never said how it consumes may be a
     * member, so its anomalies stay allowed (no false alarm).
     */
    public boolean allowed(Anomaly a) {
        if (!a.type().allowed(subscribe)) {
            return false;
        }
        if (a.type() != AnomalyType.POLL_SKIP && a.type() != AnomalyType.NONMONOTONIC_POLL || !subscribe) {
            return true;
        }
        return a.ops().isEmpty() || !a.ops().stream().allMatch(op -> assigners.contains(op.process()));
    }

    /** Anomalies of one kind. */
    public List<Anomaly> of(AnomalyType type) {
        return anomalies.stream().filter(a -> a.type() == type).toList();
    }

    /** Counts per anomaly keyword, sorted by keyword. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>();
        for (Anomaly a : anomalies) {
            out.merge(a.type().keyword(), 1, Integer::sum);
        }
        return out;
    }

    /** One line: the outcome and the counts of each kind, forbidden ones marked. */
    public String summary() {
        StringBuilder b = new StringBuilder(outcome.name());
        for (Map.Entry<String, Integer> e : counts().entrySet()) {
            b.append(' ').append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }
}
