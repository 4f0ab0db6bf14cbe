package io.faultline.models.s3.check;

import io.faultline.models.s3.check.S3Checks.Done;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.sim.CheckResult;
import java.util.ArrayList;
import java.util.List;

/**
 * No read returns a value nobody wrote, or a mix (FIDELITY A1.2 rule 3). A value counts as written
 * from its PUT's invocation on: a read may return a value whose write is still in flight. A read of
 * a value no PUT has asked for yet waits for the end of the run, and is judged against every PUT
 * of the history, as the rule always was. Holds a fingerprint of each (key, value) put
 * ({@link WrittenPairs}), not the operations or the values.
 */
final class WrittenValues extends PairedCheck<CheckResult> {
    static final String NAME = "reads return written values, never partial ones";
    /** Every value put, with its key: all the rule needs (a read is judged by its key and value only). */
    private final WrittenPairs written = new WrittenPairs();
    private int reads;
    /** Reads of values not written when they completed, in the order they completed. */
    private final List<Done> unexplained = new ArrayList<>();

    @Override
    void invoked(Op inv) {
        if (Done.isPut(inv.f()) && Done.written(inv) instanceof Value.Str s) {
            written.add(Done.key(inv), s.value());
        }
    }

    @Override
    void done(Done d) {
        if (d.f().equals("get") && d.type() == OpType.OK && d.value() instanceof Value.Str) {
            reads++;
            if (!isWritten(d)) {
                unexplained.add(d);
            }
        }
    }

    private boolean isWritten(Done read) {
        return written.contains(read.key(), ((Value.Str) read.value()).value());
    }

    @Override
    CheckResult judge() {
        for (Done d : unexplained) {
            if (!isWritten(d)) {
                return CheckResult.invalid(NAME, "GET " + d.key() + " returned '" + ((Value.Str) d.value()).value()
                        + "', never written");
            }
        }
        return CheckResult.valid(NAME, reads + " non-empty reads, all of written values");
    }
}
