package io.faultline.checker;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Value;
import io.faultline.checker.model.Model;
import io.faultline.checker.history.HistoryException;
import io.faultline.checker.prepare.PreparedHistory;
import io.faultline.checker.prepare.Preparer;
import io.faultline.checker.search.Budget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The linearizability checker: is there an order of the history's operations, consistent with
 * real time, in which each is possible for the model? Splits P-compositional models per key and
 * checks keys in parallel; never hangs (time limit) and never runs out of memory (budget): it then
 * answers {@link Outcome#UNKNOWN} with the reason.
 *
 * <pre>{@code
 * History h = ...;  // e.g. read by the EDN reader
 * CheckReport r = Linearizability.check(h, Models.byName("cas-register"), CheckOptions.defaults());
 * if (r.verdict() instanceof Verdict.Invalid inv) {
 *     System.out.println("cannot linearize " + inv.counterexample().operation().describe());
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Linearizability {
    private static final String NOT_CHECKED = "not checked: another key is not linearizable";

    private Linearizability() {
    }

    /** Checks with {@link CheckOptions#defaults()}. */
    public static CheckReport check(History history, Model<?> model) {
        return check(history, model, CheckOptions.defaults());
    }

    /**
     * Checks {@code history} against {@code model}.
     *
     * @throws HistoryException naming the op index when the history is malformed for the model
     */
    public static CheckReport check(History history, Model<?> model, CheckOptions options) {
        long start = System.nanoTime();
        Budget budget = new Budget(options.timeLimit().toNanos(), options.memoryBudget(), new AtomicBoolean());
        Optional<Map<Value, int[]>> split = options.partition() ? model.partition(history) : Optional.empty();
        if (split.isEmpty()) {
            PreparedHistory whole = Preparer.prepare(history.ops(), model);
            Verdict verdict = new PartCheck(model, options, budget).check(Optional.empty(), whole);
            return new CheckReport(verdict, whole.size(), List.of(), (System.nanoTime() - start) / 1_000_000);
        }
        List<Part> parts = measure(history, model, split.get());
        int operations = 0;
        for (Part p : parts) {
            operations += p.operations();
        }
        List<KeyResult> keys = checkKeys(history, parts, model, options, budget);
        return new CheckReport(combine(keys), operations, keys, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * One key: the positions of its ops in the history and how many operations it prepares to. A
     * key's ops are decoded from the (recorded, possibly spilled) history only while it is prepared
     * or checked, a batch of keys at a time ({@link KeyBatches}), then dropped, so that a long
     * history is never held whole (issue 18).
     */
    private record Part(Value key, int[] positions, int operations) {
    }

    /**
     * Every key prepared once, in key order, for its size and to reject a malformed history before
     * any key is checked; the prepared ops are dropped and made again when the key is checked.
     */
    private static List<Part> measure(History history, Model<?> model, Map<Value, int[]> split) {
        KeyBatches ops = new KeyBatches(history, new ArrayList<>(split.values()));
        List<Part> parts = new ArrayList<>(split.size());
        split.forEach((key, at) -> parts.add(new Part(key, at, Preparer.prepare(ops.take(parts.size()), model).size())));
        return parts;
    }

    /**
     * Checks every key, smallest first, and reports them as if checked one after the other in that
     * order: the first invalid key in that order is the one reported, the keys after it are "not
     * checked", those before it have their own verdicts. With several threads a later key may be
     * found invalid first; it then calls off only the keys after it, so that an earlier key still
     * has its say, and the output does not depend on which thread was faster.
     */
    private static List<KeyResult> checkKeys(History history, List<Part> parts, Model<?> model,
                                             CheckOptions options, Budget budget) {
        // Smaller keys first: an invalid key is usually found fast, and it spares the larger ones.
        List<Part> order = new ArrayList<>(parts);
        order.sort(Comparator.comparingInt(Part::operations));   // stable: ties keep key order
        int n = order.size();
        CallOff callOff = new CallOff(n);
        List<int[]> positions = new ArrayList<>(n);
        order.forEach(p -> positions.add(p.positions()));
        KeyBatches ops = new KeyBatches(history, positions);
        IntFunction<KeyCheck> newCheck = at -> new KeyCheck(new PartCheck(model, options, budget.child(callOff.flag(at))),
                () -> Preparer.prepare(ops.take(at), model));
        List<KeyResult> results = new ArrayList<>(n);
        int threads = Math.min(options.threads(), n);
        if (threads <= 1) {
            for (int i = 0; i < n; i++) {
                results.add(checkKey(i, order.get(i), newCheck, callOff));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, Threads.daemon("faultline-check-key"));
            try {
                List<Future<KeyResult>> futures = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    int at = i;
                    futures.add(pool.submit(() -> checkKey(at, order.get(at), newCheck, callOff)));
                }
                for (Future<KeyResult> f : futures) {
                    results.add(Threads.await(f, "a key's check"));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        Map<Value, KeyResult> byKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            KeyResult k = results.get(i);
            if (callOff.isAfterFirstInvalid(i)) {
                // Checked or not, a key after the first invalid one reads the same every time.
                k = new KeyResult(k.key(), new Verdict.Unknown(NOT_CHECKED), k.operations(), k.millis());
            }
            byKey.put(order.get(i).key(), k);
        }
        List<KeyResult> inKeyOrder = new ArrayList<>();
        for (Part p : parts) {
            inKeyOrder.add(byKey.get(p.key()));
        }
        return inKeyOrder;
    }

    private static KeyResult checkKey(int at, Part part, IntFunction<KeyCheck> newCheck, CallOff callOff) {
        long t0 = System.nanoTime();
        Verdict v;
        if (callOff.isAfterFirstInvalid(at)) {
            v = new Verdict.Unknown(NOT_CHECKED);
        } else {
            KeyCheck c = newCheck.apply(at);
            v = c.check().check(Optional.of(part.key()), c.ops().get());
        }
        if (v instanceof Verdict.Invalid) {
            callOff.invalid(at);   // the whole history is invalid: spare the keys after this one
        }
        return new KeyResult(part.key(), v, part.operations(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** A key's check and its prepared ops, made when the key's turn comes. */
    private record KeyCheck(PartCheck check, Supplier<PreparedHistory> ops) {
    }

    /** The keys' cancel flags, by position in check order, and the first position found invalid. */
    private static final class CallOff {
        private final AtomicBoolean[] flags;
        private final AtomicInteger firstInvalid;

        CallOff(int keys) {
            flags = new AtomicBoolean[keys];
            for (int i = 0; i < keys; i++) {
                flags[i] = new AtomicBoolean();
            }
            firstInvalid = new AtomicInteger(keys);
        }

        AtomicBoolean flag(int at) {
            return flags[at];
        }

        boolean isAfterFirstInvalid(int at) {
            return firstInvalid.get() < at;
        }

        /** Key {@code at} is invalid: call off the keys after it (not those before it). */
        void invalid(int at) {
            firstInvalid.accumulateAndGet(at, Math::min);
            for (int j = at + 1; j < flags.length; j++) {
                flags[j].set(true);
            }
        }
    }

    private static Verdict combine(List<KeyResult> keys) {
        Verdict unknown = null;
        for (KeyResult k : keys) {
            if (k.verdict() instanceof Verdict.Invalid) {
                return k.verdict();
            }
            if (unknown == null && k.verdict() instanceof Verdict.Unknown u) {
                unknown = new Verdict.Unknown("key " + k.key() + ": " + u.reason());
            }
        }
        return unknown != null ? unknown : new Verdict.Valid();
    }
}
