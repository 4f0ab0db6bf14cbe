package io.faultline.models.kafka.rules;

import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A replica's {@code leader-epoch-checkpoint}: leader epoch to the offset of its first record
 * (FIDELITY C5.2, KIP-101 "vector of [LeaderEpoch to StartOffset]"). Epochs and start offsets both
 * increase along the map.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LeaderEpochCache {
    private final TreeMap<Integer, Long> starts = new TreeMap<>();

    /** Records that {@code epoch} starts at {@code offset}; ignored unless newer than the latest. */
    public void assign(int epoch, long offset) {
        if (starts.isEmpty() || epoch > starts.lastKey()) {
            // A later epoch starting at or before an earlier one's start supersedes it.
            while (!starts.isEmpty() && starts.lastEntry().getValue() >= offset) {
                starts.remove(starts.lastKey());
            }
            starts.put(epoch, offset);
        }
    }

    public OptionalInt latestEpoch() {
        return starts.isEmpty() ? OptionalInt.empty() : OptionalInt.of(starts.lastKey());
    }

    public boolean contains(int epoch) {
        return starts.containsKey(epoch);
    }

    /** Removes the epochs that start at or after {@code offset}: the log was truncated there. */
    public void truncateFromEnd(long offset) {
        while (!starts.isEmpty() && starts.lastEntry().getValue() >= offset) {
            starts.remove(starts.lastKey());
        }
    }

    /**
     * Forgets what lies below the new log start offset {@code offset} (retention deleted it): epochs
     * that end at or below it go, and the first remaining epoch starts no earlier than it, as
     * Kafka's {@code truncateFromStart} does (FIDELITY C8.2).
     */
    public void truncateFromStart(long offset) {
        while (starts.size() > 1 && starts.higherEntry(starts.firstKey()).getValue() <= offset) {
            starts.remove(starts.firstKey());
        }
        if (!starts.isEmpty() && starts.firstEntry().getValue() < offset) {
            starts.put(starts.firstKey(), offset);
        }
    }

    /**
     * KIP-101's answer (0.11, FIDELITY C5.2): the end offset of {@code epoch}, i.e. the LEO if it is
     * the latest epoch, otherwise the start offset of the first epoch above it, even when this
     * replica never had {@code epoch} itself (the flaw KIP-279 fixes, C5.4).
     */
    public EpochEnd endOffsetKip101(int epoch, long leo) {
        Map.Entry<Integer, Long> higher = starts.higherEntry(epoch);
        return new EpochEnd(EpochEnd.UNDEFINED, higher == null ? leo : higher.getValue());
    }

    /**
     * KIP-279's answer (2.0, FIDELITY C5.4): the largest epoch at most {@code epoch} that this
     * replica knows, with its end offset. Below the first known epoch: UNDEFINED with the first
     * epoch's start offset (PR #5678).
     */
    public EpochEnd endOffsetKip279(int epoch, long leo) {
        Map.Entry<Integer, Long> floor = starts.floorEntry(epoch);
        if (floor == null) {
            return new EpochEnd(EpochEnd.UNDEFINED, starts.isEmpty() ? leo : starts.firstEntry().getValue());
        }
        Map.Entry<Integer, Long> higher = starts.higherEntry(floor.getKey());
        return new EpochEnd(floor.getKey(), higher == null ? leo : higher.getValue());
    }

    /** The largest epoch strictly below {@code epoch}, if any. */
    public OptionalInt epochBelow(int epoch) {
        Integer e = starts.lowerKey(epoch);
        return e == null ? OptionalInt.empty() : OptionalInt.of(e);
    }

    /** The start offset of the first known epoch, if any. */
    public java.util.OptionalLong firstStart() {
        return starts.isEmpty() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(starts.firstEntry().getValue());
    }

    /** A copy, for checkpoints. */
    public LeaderEpochCache copy() {
        LeaderEpochCache c = new LeaderEpochCache();
        c.starts.putAll(starts);
        return c;
    }

    /** Epoch to start offset, in epoch order. */
    public Map<Integer, Long> entries() {
        return java.util.Collections.unmodifiableMap(starts);
    }

    @Override
    public String toString() {
        return starts.toString();
    }
}
