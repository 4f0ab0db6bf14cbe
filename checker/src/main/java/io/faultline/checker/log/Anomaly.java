package io.faultline.checker.log;

import io.faultline.checker.history.Op;
import io.faultline.checker.history.Value;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One anomaly found in a Kafka history: its kind, the key (topic-partition) and values involved,
 * a sentence of detail, and the offending ops.
 *
 * <pre>{@code
 * for (Anomaly a : result.anomalies()) {
 *     System.out.println(a.type().keyword() + " key " + a.key() + ": " + a.detail());
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Anomaly(AnomalyType type, Value key, List<Value> values, String detail, List<Op> ops) {
    public Anomaly {
        values = List.copyOf(values);
        ops = List.copyOf(ops);
    }

    @Override
    public String toString() {
        return type.keyword() + " key " + key + " values " + values + ": " + detail
                + (ops.isEmpty() ? "" : " ops " + ops.stream().map(o -> "#" + o.index()).toList());
    }
}
