package io.faultline.labs.replog;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.log.Anomaly;
import io.faultline.checker.log.AnomalyType;
import io.faultline.checker.log.KafkaLogChecker;
import io.faultline.checker.log.KafkaOps;
import io.faultline.checker.log.LogCheckResult;
import io.faultline.sim.CheckResult;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The lab's guarantees, each the anomalies of the Kafka log checker (FIDELITY C10) that break it.
 * An offset holding two values is a lost acknowledged write when one of them was acknowledged,
 * and a read above the high watermark when one of them was read but never acknowledged: the same
 * anomaly may break both.
 */
enum Guarantee {
    NO_LOST_ACKNOWLEDGED_WRITE("no lost acknowledged write", a -> a.type() == AnomalyType.LOST_WRITE
            || a.type() == AnomalyType.UNSEEN
            || a.type() == AnomalyType.INCONSISTENT_OFFSETS && a.ops().stream().anyMatch(Guarantee::ackedSend)),
    NO_DIVERGENCE("no divergence", a -> a.type() != AnomalyType.LOST_WRITE && a.type() != AnomalyType.UNSEEN),
    READS_BELOW_HIGH_WATERMARK("reads only below the high watermark", a -> a.type() == AnomalyType.G1A
            || a.type() == AnomalyType.INCONSISTENT_OFFSETS && a.ops().stream().filter(Guarantee::ackedSend).count()
                    < a.values().size());

    private final String label;
    private final Predicate<Anomaly> breaks;

    Guarantee(String label, Predicate<Anomaly> breaks) {
        this.label = label;
        this.breaks = breaks;
    }

    String label() {
        return label;
    }

    /** The check of this guarantee over {@code history}: invalid iff an anomaly Kafka's model forbids breaks it. */
    CheckResult check(History history) {
        LogCheckResult r = new KafkaLogChecker().check(history);
        List<Anomaly> found = r.anomalies().stream().filter(a -> !a.type().allowed(r.subscribe())).filter(breaks).toList();
        String kinds = found.stream().map(a -> a.type().keyword()).distinct().collect(Collectors.joining(", "));
        String name = label + ": kafka log anomalies (Jepsen C10)";
        if (found.isEmpty()) {
            return CheckResult.valid(name, r.summary());
        }
        String detail = kinds + "; " + found.stream().limit(3).map(Anomaly::toString).collect(Collectors.joining("; "));
        return CheckResult.invalid(name, detail, found.stream().map(a -> a.type().keyword()).distinct().toList());
    }

    /** An acknowledged send: the value it wrote is one a producer was told is committed. */
    private static boolean ackedSend(Op op) {
        return op.type() == OpType.OK && op.f().equals(KafkaOps.SEND);
    }
}
