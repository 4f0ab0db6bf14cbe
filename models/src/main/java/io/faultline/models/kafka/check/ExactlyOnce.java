package io.faultline.models.kafka.check;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.log.KafkaOps;
import io.faultline.models.kafka.workload.JobInput;
import io.faultline.sim.CheckResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Exactly-once processing as a consumer of a job's output observes it (FIDELITY C12.6): no input
 * item's output was read under two different records. Judged from what ok polls read only, each
 * record's payload naming its input item ({@link JobInput#itemOf}); a record read twice is the same
 * record, not a second output.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ExactlyOnce {
    /** The anomaly kind: one input item's output read under two different records. */
    public static final String DUPLICATE_OUTPUT = "duplicate-output";
    static final String NAME = "exactly-once output of the job (C12.6)";

    private ExactlyOnce() {
    }

    public static CheckResult check(History history, JobInput input) {
        Map<Long, Set<Long>> valuesOfItem = new TreeMap<>();
        for (Op op : history) {
            if (op.type() != OpType.OK || !op.f().equals(KafkaOps.POLL)) {
                continue;
            }
            KafkaOps.reads(op).values().forEach(reads -> reads.forEach(r -> {
                if (r.value() instanceof Value.Int v) {
                    input.itemOf(v.value()).ifPresent(item ->
                            valuesOfItem.computeIfAbsent(item, i -> new TreeSet<>()).add(v.value()));
                }
            }));
        }
        List<String> twice = new ArrayList<>();
        valuesOfItem.forEach((item, values) -> {
            if (values.size() > 1) {
                twice.add("item " + item + " as " + values);
            }
        });
        if (twice.isEmpty()) {
            return CheckResult.valid(NAME, valuesOfItem.size() + " input items, each read as one output record");
        }
        String shown = String.join("; ", twice.subList(0, Math.min(5, twice.size())));
        return CheckResult.invalid(NAME, twice.size() + " input item(s) output more than once: " + shown,
                List.of(DUPLICATE_OUTPUT));
    }
}
