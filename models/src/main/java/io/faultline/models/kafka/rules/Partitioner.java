package io.faultline.models.kafka.rules;

import java.util.function.IntUnaryOperator;
import org.apiguardian.api.API;

/**
 * The producer's choice of partition for a record without an explicit one (FIDELITY C11.2): a
 * keyed record goes where murmur2 of its key says, always the same partition for the same key; a
 * keyless record, from 3.3 (KIP-794, after KIP-480's sticky partitioner of 2.4), sticks to one
 * randomly chosen partition until {@code batch.size} bytes went to it, then another is drawn, so
 * that batches fill; before 2.4 keyless records go round-robin.
 *
 * <pre>{@code
 * Partitioner p = new Partitioner(3, 16384, true, bound -> rng.nextInt(bound));
 * int partition = p.partition(LogRecord.NO_KEY, 100);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Partitioner {
    private final int partitions;
    private final long batchSizeBytes;
    private final boolean sticky;
    private final IntUnaryOperator random;
    private int current = -1;
    private long bytesToCurrent;

    /**
     * @param sticky whether keyless records stick to a partition (3.3+) or go round-robin (before 2.4)
     * @param random a uniform draw in {@code [0, bound)}, from the run's seeded generator
     */
    public Partitioner(int partitions, long batchSizeBytes, boolean sticky, IntUnaryOperator random) {
        this.partitions = partitions;
        this.batchSizeBytes = batchSizeBytes;
        this.sticky = sticky;
        this.random = random;
    }

    /** The partition of a record of {@code recordBytes} with {@code key} ({@link LogRecord#NO_KEY} for none). */
    public int partition(long key, int recordBytes) {
        if (key != LogRecord.NO_KEY) {
            return Murmur2.partition(Murmur2.longKey(key), partitions);
        }
        if (!sticky) {
            current = current < 0 ? random.applyAsInt(partitions) : (current + 1) % partitions;
            return current;
        }
        if (current < 0) {
            current = random.applyAsInt(partitions);
        } else if (bytesToCurrent >= batchSizeBytes) {
            // KIP-794: a new sticky partition, drawn uniformly among the others.
            int next = partitions == 1 ? 0 : random.applyAsInt(partitions - 1);
            current = partitions > 1 && next >= current ? next + 1 : next;
            bytesToCurrent = 0;
        }
        bytesToCurrent += recordBytes;
        return current;
    }
}
