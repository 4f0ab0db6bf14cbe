package io.faultline.checker;

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
import java.util.function.Supplier;
import org.apiguardian.api.API;

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
        Map<Optional<Value>, PreparedHistory> parts = prepare(history, model, options);
        int operations = 0;
        for (PreparedHistory p : parts.values()) {
            operations += p.size();
        }
        Budget budget = new Budget(options.timeLimit().toNanos(), options.memoryBudget(), new AtomicBoolean());
        List<KeyResult> keys = new ArrayList<>();
        Verdict verdict;
        if (parts.size() == 1 && parts.keySet().iterator().next().isEmpty()) {
            verdict = new PartCheck(model, options.algorithm(), budget)
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
        Optional<Map<Value, List<Op>>> split = options.partition() ? model.partition(history) : Optional.empty();
        if (split.isPresent()) {
            for (Map.Entry<Value, List<Op>> e : split.get().entrySet()) {
                parts.put(Optional.of(e.getKey()), Preparer.prepare(e.getValue(), model));
            }
        } else {
            parts.put(Optional.empty(), Preparer.prepare(history.ops(), model));
        }
        return parts;
    }

    private static List<KeyResult> checkKeys(Map<Optional<Value>, PreparedHistory> parts, Model<?> model,
                                             CheckOptions options, Budget budget) {
        AtomicBoolean stop = new AtomicBoolean();
        Budget shared = budget.child(stop);
        Supplier<PartCheck> newCheck = () -> new PartCheck(model, options.algorithm(), shared);
        // Smaller keys first: an invalid key is usually found fast, and it stops the others.
        List<Map.Entry<Optional<Value>, PreparedHistory>> order = new ArrayList<>(parts.entrySet());
        order.sort(Comparator.comparingInt(e -> e.getValue().size()));
        Map<Optional<Value>, KeyResult> results = new HashMap<>();
        int threads = Math.min(options.threads(), parts.size());
        if (threads <= 1) {
            for (Map.Entry<Optional<Value>, PreparedHistory> e : order) {
                results.put(e.getKey(), checkKey(e.getKey(), e.getValue(), newCheck, stop));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, Threads.daemon("faultline-check-key"));
            try {
                Map<Optional<Value>, Future<KeyResult>> futures = new HashMap<>();
                for (Map.Entry<Optional<Value>, PreparedHistory> e : order) {
                    futures.put(e.getKey(), pool.submit(
                            () -> checkKey(e.getKey(), e.getValue(), newCheck, stop)));
                }
                for (Map.Entry<Optional<Value>, Future<KeyResult>> f : futures.entrySet()) {
                    results.put(f.getKey(), Threads.await(f.getValue(), "a key's check"));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        List<KeyResult> inKeyOrder = new ArrayList<>();
        for (Optional<Value> key : parts.keySet()) {
            KeyResult k = results.get(key);
            if (stop.get() && k.verdict() instanceof Verdict.Unknown u && u.reason().equals("cancelled")) {
                k = new KeyResult(k.key(), new Verdict.Unknown(NOT_CHECKED), k.operations(), k.millis());
            }
            inKeyOrder.add(k);
        }
        return inKeyOrder;
    }

    private static KeyResult checkKey(Optional<Value> key, PreparedHistory part, Supplier<PartCheck> newCheck,
                                      AtomicBoolean stop) {
        long t0 = System.nanoTime();
        Verdict v = stop.get() ? new Verdict.Unknown(NOT_CHECKED) : newCheck.get().check(key, part);
        if (v instanceof Verdict.Invalid) {
            stop.set(true);   // the whole history is invalid: spare the other keys
        }
        return new KeyResult(key.orElseThrow(), v, part.size(), (System.nanoTime() - t0) / 1_000_000);
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
