package io.faultline.models.kafka.rules;

import io.faultline.models.kafka.config.TruncationRule;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * The follower's side of the truncation protocols of FIDELITY C5, as pure decisions: what to ask
 * the leader first, and what to do with each answer. The simulation sends the questions as
 * {@code OffsetsForLeaderEpoch} messages; tests call these directly.
 *
 * <pre>{@code
 * Step s = FollowerTruncation.start(rule, log);
 * while (s instanceof Ask ask) s = FollowerTruncation.onAnswer(rule, log, leader.answer(rule, ask.epoch()));
 * // s is TruncateTo(offset): log.truncateTo(offset), then fetch from there.
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FollowerTruncation {
    private FollowerTruncation() {
    }

    /** A decision: truncate and start fetching, or ask the leader about an epoch. */
    public sealed interface Step permits TruncateTo, Ask {
    }

    /** Truncate the log to {@code offset} (a no-op if at or above the LEO), then fetch from there. */
    public record TruncateTo(long offset) implements Step {
    }

    /** Send {@code OffsetsForLeaderEpoch(epoch)} to the leader. */
    public record Ask(int epoch) implements Step {
    }

    /** The first step on becoming a follower. */
    public static Step start(TruncationRule rule, ReplicaLog log) {
        OptionalInt latest = log.epochs().latestEpoch();
        if (rule == TruncationRule.HIGH_WATERMARK || latest.isEmpty()) {
            // C5.1; an empty epoch cache (empty log) has nothing to ask about.
            return new TruncateTo(log.highWatermark());
        }
        return new Ask(latest.getAsInt());
    }

    /** The leader's answer to {@code OffsetsForLeaderEpoch(epoch)} under {@code rule}. */
    public static EpochEnd answer(TruncationRule rule, ReplicaLog leaderLog, int epoch) {
        return rule == TruncationRule.LARGEST_COMMON_EPOCH
                ? leaderLog.epochs().endOffsetKip279(epoch, leaderLog.leo())
                : leaderLog.epochs().endOffsetKip101(epoch, leaderLog.leo());
    }

    /** What the follower does with the leader's answer. */
    public static Step onAnswer(TruncationRule rule, ReplicaLog log, EpochEnd answer) {
        if (rule != TruncationRule.LARGEST_COMMON_EPOCH) {
            // KIP-101 (C5.2): truncate to the returned end offset, whatever epoch it belongs to.
            return new TruncateTo(Math.min(answer.endOffset(), log.leo()));
        }
        // KIP-279 (C5.4) from here on.
        if (answer.epoch() == EpochEnd.UNDEFINED) {
            return new TruncateTo(Math.min(answer.endOffset(), log.leo()));
        }
        if (log.epochs().contains(answer.epoch())) {
            long ownEnd = log.epochs().endOffsetKip279(answer.epoch(), log.leo()).endOffset();
            return new TruncateTo(Math.min(ownEnd, answer.endOffset()));
        }
        OptionalInt below = log.epochs().epochBelow(answer.epoch());
        if (below.isEmpty()) {
            // Every local epoch is one the leader never had: nothing local is shared.
            return new TruncateTo(Math.min(log.epochs().firstStart().orElse(0), answer.endOffset()));
        }
        return new Ask(below.getAsInt());
    }

    /** Runs the whole exchange against a leader's log held in memory; for tests and fast paths. */
    public static long resolve(TruncationRule rule, ReplicaLog follower, ReplicaLog leader) {
        Step s = start(rule, follower);
        int rounds = 0;
        while (s instanceof Ask ask) {
            if (++rounds > 10_000) {
                throw new IllegalStateException("truncation did not converge");
            }
            s = onAnswer(rule, follower, answer(rule, leader, ask.epoch()));
        }
        return ((TruncateTo) s).offset();
    }
}
