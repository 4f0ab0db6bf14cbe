package io.faultline.models.kafka.workload;

import io.faultline.models.kafka.config.KafkaConfig.OffsetReset;
import io.faultline.models.kafka.rules.EpochEnd;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A consumer's position in each partition and how the fetch path moves it: an out-of-range
 * position is reset by {@code auto.offset.reset} or reported (FIDELITY C8.3), and from 2.1 a
 * position read under an older leader is validated with {@code OffsetsForLeaderEpoch} after a
 * leader change, so that truncation is detected and reset or reported (KIP-320, FIDELITY C5.5).
 *
 * <pre>{@code
 * FetchPositions pos = new FetchPositions(OffsetReset.EARLIEST, true);
 * pos.start(0, 0);
 * pos.consumed(0, 10, 3);          // read up to offset 9, last record in leader epoch 3
 * pos.onLeaderEpoch(0, 4);         // a new leader: validate before fetching again
 * pos.onEpochEnd(0, new EpochEnd(3, 8), 4);   // epoch 3 ends at 8 there: truncated, reset to 8
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FetchPositions {
    /** What the consumer does next for a partition. */
    public enum Mode {
        /** Fetch from the position. */
        FETCHING,
        /** Out of range: ask the leader for its earliest or latest offset. */
        RESETTING,
        /** A new leader: ask it where the epoch of the last record read ends (KIP-320). */
        VALIDATING,
        /** Out of range or truncated with {@code auto.offset.reset=none}: the application was told; not read again. */
        FAILED
    }

    private static final class Position {
        long offset;
        /** The leader epoch of the last record read, -1 if none since the last reset. */
        int recordEpoch = -1;
        /** The leader epoch the position is known to be valid under. */
        int leaderEpoch = -1;
        Mode mode = Mode.FETCHING;
    }

    private final OffsetReset policy;
    private final boolean detectTruncation;
    private final Map<Integer, Position> byPartition = new TreeMap<>();

    public FetchPositions(OffsetReset policy, boolean detectTruncation) {
        this.policy = policy;
        this.detectTruncation = detectTruncation;
    }

    public void start(int partition, long offset) {
        byPartition.computeIfAbsent(partition, p -> new Position()).offset = offset;
    }

    public long offset(int partition) {
        return byPartition.get(partition).offset;
    }

    public int recordEpoch(int partition) {
        return byPartition.get(partition).recordEpoch;
    }

    public Mode mode(int partition) {
        return byPartition.get(partition).mode;
    }

    /** The application was handed records up to {@code next - 1}, the last one of {@code epoch}. */
    public void consumed(int partition, long next, int epoch) {
        Position p = byPartition.get(partition);
        p.offset = next;
        p.recordEpoch = epoch;
    }

    /** Moves a position back (a failed poll hands nothing to the application). */
    public void rewind(int partition, long offset) {
        byPartition.get(partition).offset = offset;
    }

    /** Metadata names the partition's leader epoch; from 2.1 a newer one means validating first. */
    public void onLeaderEpoch(int partition, int leaderEpoch) {
        Position p = byPartition.get(partition);
        if (leaderEpoch <= p.leaderEpoch) {
            return;
        }
        if (detectTruncation && p.mode == Mode.FETCHING && p.recordEpoch >= 0) {
            p.mode = Mode.VALIDATING;
        } else if (p.mode == Mode.FETCHING) {
            p.leaderEpoch = leaderEpoch;
        }
    }

    /** The leader said the position is out of range (below its log start or past its end). */
    public void outOfRange(int partition) {
        Position p = byPartition.get(partition);
        p.mode = policy == OffsetReset.NONE ? Mode.FAILED : Mode.RESETTING;
    }

    /** Which offset a reset asks the leader for: earliest or latest. */
    public OffsetReset policy() {
        return policy;
    }

    /** The leader's earliest or latest offset arrived: the position moves there. */
    public void resetTo(int partition, long offset, int leaderEpoch) {
        Position p = byPartition.get(partition);
        if (p.mode != Mode.RESETTING) {
            return;
        }
        p.offset = offset;
        p.recordEpoch = -1;
        p.leaderEpoch = leaderEpoch;
        p.mode = Mode.FETCHING;
    }

    /**
     * The leader's answer to {@code OffsetsForLeaderEpoch(recordEpoch)}: if that epoch ends below
     * the position there, the log was truncated under the consumer (KIP-320). Returns the
     * detected truncation, for the consumer's log.
     */
    public Optional<String> onEpochEnd(int partition, EpochEnd end, int leaderEpoch) {
        Position p = byPartition.get(partition);
        if (p.mode != Mode.VALIDATING) {
            return Optional.empty();
        }
        p.leaderEpoch = leaderEpoch;
        boolean truncated = end.endOffset() < p.offset;
        if (!truncated) {
            p.mode = Mode.FETCHING;
            return Optional.empty();
        }
        String what = "p" + partition + " truncated below position " + p.offset + " (epoch " + p.recordEpoch
                + " ends at " + end.endOffset() + " on the leader)";
        if (policy == OffsetReset.NONE) {
            p.mode = Mode.FAILED;
            return Optional.of(what + ": LogTruncationException");
        }
        // Kafka resets to the first offset known to diverge, not by the reset policy (KIP-320).
        p.offset = Math.max(0, end.endOffset());
        p.recordEpoch = end.epoch() == EpochEnd.UNDEFINED ? -1 : end.epoch();
        p.mode = Mode.FETCHING;
        return Optional.of(what + ": position reset to " + p.offset);
    }

    /** Positions per partition, for reports. */
    public Map<Integer, Long> offsets() {
        Map<Integer, Long> out = new TreeMap<>();
        byPartition.forEach((k, p) -> out.put(k, p.offset));
        return out;
    }
}
