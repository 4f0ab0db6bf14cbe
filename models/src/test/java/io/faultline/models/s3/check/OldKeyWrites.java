package io.faultline.models.s3.check;

import io.faultline.checker.history.OpType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The writes of one key, indexed so that a LIST asks in logarithmic time which write it must
 * reflect: the one write that completed before the LIST began and that no other write may overlap
 * or follow before the LIST ends. Checking every LIST against every pair of writes is cubic, which
 * a long run's history (hundreds of thousands of operations) turns into minutes.
 *
 * <p>Why one candidate is enough: a write {@code w} must be reflected iff every other write that
 * did not fail and began before the LIST ended completed by the time {@code w} began. Among those
 * writes only the one that completed last can pass (an acknowledged write takes a round trip, so
 * it completes after it began), and it passes iff the second latest completed by the time it began.
 */
final class OldKeyWrites {
    private final List<OldS3Checks.Done> byInvocation;
    /** Over the first i writes (by invocation) that did not fail: the index of the latest completion. */
    private final int[] latest;
    /** Over the same writes: the second latest completion time, or Long.MIN_VALUE. */
    private final long[] second;
    private final long[] invoked;

    OldKeyWrites(List<OldS3Checks.Done> writes) {
        List<OldS3Checks.Done> kept = new ArrayList<>();
        for (OldS3Checks.Done d : writes) {
            if (d.type() != OpType.FAIL) {
                kept.add(d);
            }
        }
        kept.sort(Comparator.comparingLong(OldS3Checks.Done::invoked));
        byInvocation = kept;
        int n = kept.size();
        latest = new int[n + 1];
        second = new long[n + 1];
        invoked = new long[n];
        latest[0] = -1;
        second[0] = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            OldS3Checks.Done d = kept.get(i);
            invoked[i] = d.invoked();
            int top = latest[i];
            if (top < 0 || d.completed() > kept.get(top).completed()) {
                latest[i + 1] = i;
                second[i + 1] = top < 0 ? Long.MIN_VALUE : kept.get(top).completed();
            } else {
                latest[i + 1] = top;
                second[i + 1] = Math.max(second[i], d.completed());
            }
        }
    }

    /** The write a LIST from {@code listInvoked} to {@code listCompleted} must reflect, if any. */
    Optional<OldS3Checks.Done> mustReflect(long listInvoked, long listCompleted) {
        int began = firstNotBefore(listCompleted);
        int top = latest[began];
        if (top < 0) {
            return Optional.empty();
        }
        OldS3Checks.Done w = byInvocation.get(top);
        boolean settled = w.type() == OpType.OK && w.completed() < listInvoked && second[began] <= w.invoked();
        return settled ? Optional.of(w) : Optional.empty();
    }

    /** How many writes began strictly before {@code t}. */
    private int firstNotBefore(long t) {
        int lo = 0;
        int hi = invoked.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (invoked[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
