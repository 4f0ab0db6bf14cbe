package io.faultline.checker;

// TEMPORARY: the linearizability checker as it was before issue 18 (every key's ops in memory), for OnlineEquivalenceTest.

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.Value;
import io.faultline.checker.model.Model;
import io.faultline.checker.history.HistoryException;
import io.faultline.checker.prepare.PreparedHistory;
import io.faultline.checker.prepare.Preparer;
import io.faultline.checker.search.Budget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
public final class OldLinearizability {
    private static final String NOT_CHECKED = "not checked: another key is not linearizable";

    private OldLinearizability() {
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
        Map<Optional<Value>, PreparedHistory> parts = prepare(history, model, options);
        int operations = 0;
        for (PreparedHistory p : parts.values()) {
            operations += p.size();
        }
        Budget budget = new Budget(options.timeLimit().toNanos(), options.memoryBudget(), new AtomicBoolean());
        List<KeyResult> keys = new ArrayList<>();
        Verdict verdict;
        if (parts.size() == 1 && parts.keySet().iterator().next().isEmpty()) {
            verdict = new PartCheck(model, options, budget)
                    .check(Optional.empty(), parts.values().iterator().next());
        } else {
            keys = checkKeys(parts, model, options, budget);
            verdict = combine(keys);
        }
        return new CheckReport(verdict, operations, keys, (System.nanoTime() - start) / 1_000_000);
    }

    private static Map<Optional<Value>, PreparedHistory> prepare(History history, Model<?> model,
                                                                  CheckOptions options) {
        Map<Optional<Value>, PreparedHistory> parts = new LinkedHashMap<>();
        Optional<Map<Value, List<Op>>> split = options.partition() ? model.partition(history).map(m -> {
            Map<Value, List<Op>> ops = new LinkedHashMap<>();
            m.forEach((k, at) -> ops.put(k, io.faultline.checker.model.Partitions.ops(history, at)));
            return ops;
        }) : Optional.empty();
        if (split.isPresent()) {
            for (Map.Entry<Value, List<Op>> e : split.get().entrySet()) {
                parts.put(Optional.of(e.getKey()), Preparer.prepare(e.getValue(), model));
            }
        } else {
            parts.put(Optional.empty(), Preparer.prepare(history.ops(), model));
        }
        return parts;
    }

    /**
     * Checks every key, smallest first, and reports them as if checked one after the other in that
     * order: the first invalid key in that order is the one reported, the keys after it are "not
     * checked", those before it have their own verdicts. With several threads a later key may be
     * found invalid first; it then calls off only the keys after it, so that an earlier key still
     * has its say, and the output does not depend on which thread was faster.
     */
    private static List<KeyResult> checkKeys(Map<Optional<Value>, PreparedHistory> parts, Model<?> model,
                                             CheckOptions options, Budget budget) {
        // Smaller keys first: an invalid key is usually found fast, and it spares the larger ones.
        List<Map.Entry<Optional<Value>, PreparedHistory>> order = new ArrayList<>(parts.entrySet());
        order.sort(Comparator.comparingInt(e -> e.getValue().size()));   // stable: ties keep key order
        int n = order.size();
        CallOff callOff = new CallOff(n);
        IntFunction<PartCheck> newCheck = at -> new PartCheck(model, options, budget.child(callOff.flag(at)));
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
        Map<Optional<Value>, KeyResult> byKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            KeyResult k = results.get(i);
            if (callOff.isAfterFirstInvalid(i)) {
                // Checked or not, a key after the first invalid one reads the same every time.
                k = new KeyResult(k.key(), new Verdict.Unknown(NOT_CHECKED), k.operations(), k.millis());
            }
            byKey.put(order.get(i).getKey(), k);
        }
        List<KeyResult> inKeyOrder = new ArrayList<>();
        for (Optional<Value> key : parts.keySet()) {
            inKeyOrder.add(byKey.get(key));
        }
        return inKeyOrder;
    }

    private static KeyResult checkKey(int at, Map.Entry<Optional<Value>, PreparedHistory> part,
                                      IntFunction<PartCheck> newCheck, CallOff callOff) {
        long t0 = System.nanoTime();
        Optional<Value> key = part.getKey();
        Verdict v = callOff.isAfterFirstInvalid(at) ? new Verdict.Unknown(NOT_CHECKED)
                : newCheck.apply(at).check(key, part.getValue());
        if (v instanceof Verdict.Invalid) {
            callOff.invalid(at);   // the whole history is invalid: spare the keys after this one
        }
        return new KeyResult(key.orElseThrow(), v, part.getValue().size(), (System.nanoTime() - t0) / 1_000_000);
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
