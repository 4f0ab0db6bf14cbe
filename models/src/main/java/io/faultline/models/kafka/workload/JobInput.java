package io.faultline.models.kafka.workload;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The input of a consume-transform-produce job (FIDELITY C12.6), shared by the job's instances:
 * items 0, 1, 2, ... and the committed input position, which an instance resumes from. Each
 * output record's payload names the input item it came from ({@link #itemOf}), as a real job's
 * output would. With transactions the position is committed with the transaction
 * ({@code sendOffsetsToTransaction}, KIP-447); without, after the outputs are acknowledged.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class JobInput {
    private long committed;
    private final Map<Long, Long> itemOf = new TreeMap<>();

    /** The committed input position: the first item not yet processed. */
    public long committed() {
        return committed;
    }

    void commit(long position) {
        committed = position;
    }

    void payload(long value, long item) {
        itemOf.put(value, item);
    }

    /** The input item an output record's value came from. */
    public Optional<Long> itemOf(long value) {
        return Optional.ofNullable(itemOf.get(value));
    }
}
