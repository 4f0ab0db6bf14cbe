package io.faultline.models.kafka.server.txn;

import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * One transaction's metadata as a record of {@code __transaction_state} (FIDELITY C12.2): which
 * transactional.id (its index in the layout), the producer epoch, the state and the partitions in
 * the transaction, packed into the model's one-long record value. The topic is compacted: what a
 * new coordinator loads is the last record of each id. The producer id is derived from the index
 * ({@link #producerId}); the real coordinator allocates one and stores it in the same record.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TxnStateRecord(int txnIndex, int producerEpoch, TxnState state, Set<Integer> partitions) {
    private static final int PARTITION_BITS = 30;
    private static final int STATE_BITS = 3;
    private static final int EPOCH_BITS = 15;
    /** Transactional producer ids start here, apart from the idempotent producers' ids. */
    private static final long PID_BASE = 1L << 40;

    public TxnStateRecord {
        partitions = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(partitions));
        if (txnIndex < 0 || txnIndex >= 1 << 15 || producerEpoch < 0 || producerEpoch >= 1 << EPOCH_BITS
                || partitions.stream().anyMatch(p -> p < 0 || p >= PARTITION_BITS)) {
            throw new IllegalArgumentException("transaction state out of range: " + txnIndex + "/" + producerEpoch
                    + "/" + partitions);
        }
    }

    public long encode() {
        long mask = 0;
        for (int p : partitions) {
            mask |= 1L << p;
        }
        return ((long) txnIndex << (EPOCH_BITS + STATE_BITS + PARTITION_BITS))
                | ((long) producerEpoch << (STATE_BITS + PARTITION_BITS))
                | ((long) state.ordinal() << PARTITION_BITS) | mask;
    }

    public static TxnStateRecord decode(long value) {
        Set<Integer> parts = new TreeSet<>();
        for (int p = 0; p < PARTITION_BITS; p++) {
            if ((value & (1L << p)) != 0) {
                parts.add(p);
            }
        }
        int state = (int) ((value >>> PARTITION_BITS) & ((1 << STATE_BITS) - 1));
        int epoch = (int) ((value >>> (STATE_BITS + PARTITION_BITS)) & ((1 << EPOCH_BITS) - 1));
        int index = (int) (value >>> (EPOCH_BITS + STATE_BITS + PARTITION_BITS));
        return new TxnStateRecord(index, epoch, TxnState.values()[state], parts);
    }

    /** The producer id of the transactional.id of index {@code txnIndex}. */
    public static long producerId(int txnIndex) {
        return PID_BASE + txnIndex;
    }

    /**
     * The {@code __transaction_state} partition of a transactional.id:
     * {@code Utils.abs(transactionalId.hashCode()) % transaction.state.log.num.partitions} (C12.2).
     */
    public static int partitionFor(String transactionalId, int statePartitions) {
        int h = transactionalId.hashCode();
        return (h == Integer.MIN_VALUE ? 0 : Math.abs(h)) % statePartitions;
    }
}
