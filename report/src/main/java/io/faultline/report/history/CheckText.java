package io.faultline.report.history;

import java.util.List;
import java.util.Locale;

import io.faultline.checker.CheckReport;
import io.faultline.checker.Counterexample;
import io.faultline.checker.KeyResult;
import io.faultline.checker.Outcome;
import io.faultline.checker.Verdict;
import io.faultline.checker.io.HistoryFile;
import io.faultline.checker.model.Operation;
import org.apiguardian.api.API;

/**
 * The plain-text summary of a check, for terminals: one line for a valid history; for an invalid
 * one, the operation that cannot be linearized (with where it is in the file), the model's reason,
 * the states that were possible and the last linearized operations. No timings: the same check
 * prints the same bytes every time.
 *
 * <pre>{@code
 * System.out.print(CheckText.render(checked));
 * // etcd_000.log: INVALID (model cas-register-etcd, 240 ops)
 * //   cannot linearize op 57: process 3 :read 4, ok
 * //   ...
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class CheckText {
    /** How many linearized operations before the failing one are shown. */
    static final int TAIL = 8;

    private CheckText() {
    }

    /** The summary, ending with a newline. */
    public static String render(CheckedHistory c) {
        HistoryFile f = c.file();
        CheckReport r = c.report();
        StringBuilder b = new StringBuilder();
        b.append(f.source()).append(": ").append(r.outcome()).append(" (model ").append(c.model().name())
                .append(", ").append(f.history().size()).append(" ops)\n");
        if (!r.keys().isEmpty()) {
            long skipped = r.keys().stream().filter(k -> k.verdict() instanceof Verdict.Unknown u
                    && u.reason().startsWith("not checked")).count();
            b.append("  keys: ").append(r.keys().size()).append(" (").append(count(r.keys(), Outcome.VALID))
                    .append(" valid, ").append(count(r.keys(), Outcome.INVALID)).append(" invalid, ")
                    .append(count(r.keys(), Outcome.UNKNOWN) - skipped).append(" unknown")
                    .append(skipped > 0 ? ", " + skipped + " not checked once a key was invalid" : "").append(")\n");
        }
        Verdict v = r.verdict();
        if (v instanceof Verdict.Unknown u) {
            b.append("  undecided: ").append(u.reason()).append('\n');
        } else if (v instanceof Verdict.Invalid inv) {
            counterexample(b, f, inv.counterexample());
        }
        return b.toString();
    }

    private static void counterexample(StringBuilder b, HistoryFile f, Counterexample c) {
        Operation op = c.operation();
        b.append("  cannot linearize ");
        c.key().ifPresent(k -> b.append("(key ").append(k).append(") "));
        b.append(describe(op)).append('\n');
        b.append("    invoked at ").append(f.describe(op.invocation().index()));
        op.completion().ifPresentOrElse(
                done -> b.append(", completed at ").append(f.describe(done.index())),
                () -> b.append(", never completed"));
        b.append('\n');
        if (!c.explanation().isBlank()) {
            b.append("  why: ").append(c.explanation()).append('\n');
        } else {
            b.append("  why: possible in these states, but no order of what follows fits real time\n");
        }
        b.append("  possible states after ").append(c.linearized().size()).append(" linearized ops: ")
                .append(c.states().isEmpty() ? "(none recorded)" : StateText.all(c.states())).append('\n');
        List<Operation> lin = c.linearized();
        if (!lin.isEmpty()) {
            int from = Math.max(0, lin.size() - TAIL);
            b.append("  last linearized ops, oldest first").append(from > 0 ? " (" + from + " earlier not shown)" : "")
                    .append(":\n");
            for (Operation o : lin.subList(from, lin.size())) {
                b.append("    ").append(describe(o)).append("  [").append(f.describe(o.invocation().index()))
                        .append("]\n");
            }
        }
        b.append("  found by ").append(c.algorithm().name().toLowerCase(Locale.ROOT)).append(" search\n");
    }

    /** {@code op 57: process 3 :read 4, ok}. */
    static String describe(Operation o) {
        return "op " + o.invocation().index() + ": process " + o.process() + " :" + o.f() + " " + o.value()
                + ", " + o.outcome().keyword();
    }

    private static long count(List<KeyResult> keys, Outcome o) {
        return keys.stream().filter(k -> k.verdict().outcome() == o).count();
    }
}
