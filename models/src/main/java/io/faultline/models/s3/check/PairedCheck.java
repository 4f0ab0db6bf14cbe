package io.faultline.models.s3.check;

import io.faultline.models.s3.check.S3Checks.Done;
import io.faultline.checker.history.OnlineCheck;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import java.util.TreeMap;

/**
 * An S3 rule fed op by op: it sees each invocation as it happens and each operation once it
 * completes ({@link Done}); operations still open at the end are completed as unknown at
 * {@link #result}, in process order, before the rule's end-of-run judgement. It holds only the
 * open invocation of each process.
 */
abstract class PairedCheck<R> implements OnlineCheck<R> {
    private final TreeMap<Integer, Op> open = new TreeMap<>();
    private long now = Long.MIN_VALUE;

    @Override
    public final void accept(Op op) {
        if (op.time().isPresent()) {
            now = op.time().getAsLong();
        }
        if (op.type() == OpType.INVOKE) {
            open.put(op.process(), op);
            invoked(op);
            return;
        }
        Op inv = open.remove(op.process());
        if (inv != null) {
            done(Done.of(inv, op));
        }
    }

    @Override
    public final R result() {
        now = Long.MAX_VALUE;
        for (Op inv : open.values()) {
            done(Done.unfinished(inv));
        }
        open.clear();
        return judge();
    }

    /**
     * The time of the latest op (a recorded history's times never decrease): every op still to come
     * happens at or after it. At the end, {@code Long.MAX_VALUE}.
     */
    final long now() {
        return now;
    }

    /** An operation began (what a client could have seen from then on). */
    void invoked(Op inv) {
    }

    /** An operation completed, or is completed as unknown at the end. */
    abstract void done(Done d);

    /** The verdict, once every operation is done. */
    abstract R judge();
}
