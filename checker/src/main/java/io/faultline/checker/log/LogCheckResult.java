package io.faultline.checker.log;

import io.faultline.checker.Outcome;

import java.util.List;
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
public record LogCheckResult(Outcome outcome, List<Anomaly> anomalies, boolean subscribe) {
    public LogCheckResult {
        anomalies = List.copyOf(anomalies);
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
