package io.faultline.models.s3.check;

import io.faultline.models.s3.check.S3Checks.Done;
import io.faultline.checker.history.OpType;
import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The writes of one key that did not fail, as far as a LIST needs them: which write it must
 * reflect, the one write that completed before the LIST began and that no other write may overlap
 * or follow before the LIST ends.
 *
 * <p>Why one candidate is enough: a write {@code w} must be reflected iff every other write that
 * did not fail and began before the LIST ended completed by the time {@code w} began. Among those
 * writes only the one that completed last can pass (an acknowledged write takes a round trip, so
 * it completes after it began), and it passes iff the second latest completed by the time it began.
 *
 * <p>So the key keeps, over the writes that began before a time that only grows (LISTs are judged
 * in the order they complete), the latest completion and the second latest: writes are
 * <em>absorbed</em> into them in the order they began, and forgotten. Writes that began later wait,
 * until a LIST that ended after they began is judged or {@link #absorbBefore} is told no such LIST
 * can come.
 */
final class KeyWrites {
    /** Completed writes not absorbed yet, by invocation, then in the order they completed. */
    private final PriorityQueue<Write> waiting = new PriorityQueue<>(
            Comparator.comparingLong(Write::invoked).thenComparingLong(Write::seq));
    /** Over the absorbed writes: the one that completed last (ties: the one that began first). */
    private Optional<Done> latest = Optional.empty();
    /** Over the same writes: the second latest completion, or Long.MIN_VALUE. */
    private long second = Long.MIN_VALUE;

    private record Write(Done done, long seq) {
        long invoked() {
            return done.invoked();
        }
    }

    /** A write completed ({@code seq}: its place in the order writes complete); failed ones do not count. */
    void add(Done write, long seq) {
        if (write.type() != OpType.FAIL) {
            waiting.add(new Write(write, seq));
        }
    }

    /**
     * Absorbs the waiting writes that began before {@code t}: the caller knows that every write that
     * began before {@code t} has completed, and that no LIST to judge ended before {@code t}.
     */
    void absorbBefore(long t) {
        while (!waiting.isEmpty() && waiting.peek().invoked() < t) {
            Done d = waiting.poll().done();
            if (latest.isEmpty() || d.completed() > latest.get().completed()) {
                second = latest.map(Done::completed).orElse(Long.MIN_VALUE);
                latest = Optional.of(d);
            } else {
                second = Math.max(second, d.completed());
            }
        }
    }

    /**
     * The write a LIST from {@code listInvoked} to {@code listCompleted} must reflect, if any, once
     * every write that began before {@code listCompleted} has completed.
     */
    Optional<Done> mustReflect(long listInvoked, long listCompleted) {
        absorbBefore(listCompleted);
        return latest.filter(w -> w.type() == OpType.OK && w.completed() < listInvoked && second <= w.invoked());
    }
}
