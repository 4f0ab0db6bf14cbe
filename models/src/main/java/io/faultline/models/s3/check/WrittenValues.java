package io.faultline.models.s3.check;

import io.faultline.models.s3.check.S3Checks.Done;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.sim.CheckResult;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * No read returns a value nobody wrote, or a mix (FIDELITY A1.2 rule 3). A value counts as written
 * from its PUT's invocation on: a read may return a value whose write is still in flight. Holds per
 * key the values put to it, not the operations.
 */
final class WrittenValues extends PairedCheck<CheckResult> {
    static final String NAME = "reads return written values, never partial ones";
    private final TreeMap<String, TreeSet<String>> written = new TreeMap<>();
    private int reads;
    private Optional<String> broken = Optional.empty();

    @Override
    void invoked(Op inv) {
        if (Done.isPut(inv.f()) && Done.written(inv) instanceof Value.Str s) {
            written.computeIfAbsent(Done.key(inv), k -> new TreeSet<>()).add(s.value());
        }
    }

    @Override
    void done(Done d) {
        if (broken.isPresent() || !d.f().equals("get") || d.type() != OpType.OK || !(d.value() instanceof Value.Str s)) {
            return;
        }
        reads++;
        TreeSet<String> values = written.get(d.key());
        if (values == null || !values.contains(s.value())) {
            broken = Optional.of("GET " + d.key() + " returned '" + s.value() + "', never written");
        }
    }

    @Override
    CheckResult judge() {
        return broken.map(b -> CheckResult.invalid(NAME, b))
                .orElseGet(() -> CheckResult.valid(NAME, reads + " non-empty reads, all of written values"));
    }
}
