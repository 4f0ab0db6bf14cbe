package io.faultline.models.kafka.workload;

import io.faultline.models.kafka.config.ClusterLayout;
import io.faultline.models.kafka.config.KafkaConfig.OffsetReset;
import io.faultline.models.kafka.wire.KafkaError;
import io.faultline.models.kafka.wire.KafkaMessage;
import io.faultline.models.kafka.wire.KafkaMessage.ListOffsets;
import io.faultline.models.kafka.wire.KafkaMessage.ListOffsetsResult;
import io.faultline.models.kafka.wire.PartitionState;
import io.faultline.sim.Context;
import io.faultline.sim.client.PendingRequests;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * A group member's {@code auto.offset.reset} (FIDELITY C8.3): a partition it owns without a
 * committed offset, or whose position the leader answered {@code OFFSET_OUT_OF_RANGE}, goes to the
 * leader's earliest or latest offset ({@code ListOffsets}), or with {@code none} the next poll fails
 * ({@code NoOffsetForPartitionException} or {@code OffsetOutOfRangeException}) and the partition is
 * not read again, as the plain {@link Consumer} does with {@link FetchPositions}. With
 * {@code earliest} the member first tries offset 0, the log start until retention deletes, and asks
 * the leader only when 0 is out of range too: the same position, one round trip fewer.
 */
final class PositionResets {
    private final OffsetReset policy;
    /** Partitions waiting for the leader's earliest or latest offset. */
    private final Set<Integer> resetting = new TreeSet<>();
    /** Partitions whose position is undefined under {@code none}: the application was told. */
    private final Set<Integer> failed = new TreeSet<>();
    private final PendingRequests<Integer> requests = new PendingRequests<>();
    /** The error the next poll throws ({@code none}), if any. */
    private Optional<String> failure = Optional.empty();

    PositionResets(OffsetReset policy) {
        this.policy = policy;
    }

    /** Whether {@code p}'s position is being reset or undefined (so not to be fetched from the coordinator). */
    boolean pending(int p) {
        return resetting.contains(p) || failed.contains(p);
    }

    /**
     * {@code p} has no committed offset ({@code why} = no-offset-for-partition, {@code tried} = -1)
     * or a fetch at {@code tried} was out of range. Returns the position to take at once, if any.
     */
    OptionalLong undefined(Context ctx, int p, String why, long tried) {
        if (policy == OffsetReset.NONE) {
            failed.add(p);
            failure = Optional.of(why);
            ctx.log("p" + p + " " + why + " (auto.offset.reset=none): the application is told");
            return OptionalLong.empty();
        }
        if (policy == OffsetReset.EARLIEST && tried != 0) {
            return OptionalLong.of(0);
        }
        resetting.add(p);
        return OptionalLong.empty();
    }

    /** Asks each resetting partition's leader for its earliest or latest offset (again, if unanswered). */
    void request(Context ctx, Map<Integer, PartitionState> metadata, ClusterLayout layout) {
        requests.forgetAll();
        long at = policy == OffsetReset.LATEST ? KafkaMessage.LATEST : KafkaMessage.EARLIEST;
        for (int p : resetting) {
            PartitionState s = metadata.get(p);
            if (s != null && s.online()) {
                requests.send(ctx, layout.broker(s.leader()), id -> new ListOffsets(id, p, -1, at), p);
            }
        }
    }

    /** A leader's answer: the partition's position moves there. */
    void onResult(Context ctx, ListOffsetsResult r, Map<Integer, Long> position) {
        if (requests.close(r.requestId()).filter(p -> p == r.partition()).isEmpty() || r.error() != KafkaError.NONE
                || !resetting.remove(r.partition())) {
            return;
        }
        position.put(r.partition(), r.offset());
        ctx.log("p" + r.partition() + " position reset to " + r.offset() + " (auto.offset.reset)");
    }

    /** The error the next poll throws, once. */
    Optional<String> takeFailure() {
        Optional<String> f = failure;
        failure = Optional.empty();
        return f;
    }

    /** The partitions left this member (or came back to it): their resets no longer apply. */
    void forget(Collection<Integer> partitions) {
        resetting.removeAll(partitions);
        failed.removeAll(partitions);
    }
}
