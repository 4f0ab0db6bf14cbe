package io.faultline.checker;

import io.faultline.checker.history.Value;
import io.faultline.checker.linear.LinearSearch;
import io.faultline.checker.model.Model;
import io.faultline.checker.model.Operation;
import io.faultline.checker.prepare.PreparedHistory;
import io.faultline.checker.search.Budget;
import io.faultline.checker.search.Search;
import io.faultline.checker.search.SearchResult;
import io.faultline.checker.wgl.WglSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Checks one prepared (sub-)history with the chosen algorithm, or both in competition. */
final class PartCheck {
    private static final ExecutorService COMPETITORS =
            Executors.newCachedThreadPool(Threads.daemon("faultline-check-linear"));
    /** One timer thread for every competition: a part WGL decides in time costs no thread at all. */
    private static final ScheduledExecutorService STARTER =
            Executors.newSingleThreadScheduledExecutor(Threads.daemon("faultline-check-start"));

    /** The share of the time limit WGL has alone before the linear search joins it. */
    private static final int WGL_ALONE_SHARE_PERCENT = 10;
    private static final long WGL_ALONE_MIN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Model<?> model;
    private final Algorithm algorithm;
    private final Budget budget;
    private final long wglAloneNanos;

    PartCheck(Model<?> model, CheckOptions options, Budget budget) {
        this.model = model;
        // Two searches on one core only halve each other's speed: there WGL runs alone.
        this.algorithm = options.algorithm() == Algorithm.COMPETITION && Runtime.getRuntime().availableProcessors() < 2
                ? Algorithm.WGL : options.algorithm();
        this.budget = budget;
        this.wglAloneNanos = Math.max(WGL_ALONE_MIN_NANOS, options.timeLimit().toNanos() / 100 * WGL_ALONE_SHARE_PERCENT);
    }

    Verdict check(Optional<Value> key, PreparedHistory h) {
        if (algorithm == Algorithm.WGL) {
            return verdict(key, h, run(new WglSearch(), h, budget), Algorithm.WGL);
        }
        if (algorithm == Algorithm.LINEAR) {
            return verdict(key, h, run(new LinearSearch(), h, budget), Algorithm.LINEAR);
        }
        return compete(key, h);
    }

    /**
     * WGL here; the linear search on a helper thread only once WGL has used a tenth of the time limit
     * (at least 100 ms) on this part. WGL decides almost every history sooner (Porcupine's etcd and kv
     * logs in milliseconds), and a second search started earlier only takes a core from the per-key
     * threads, making the check slower than WGL alone (issue 18: c50-ok 543 ms with an early start
     * against 183 ms alone). A linearizable answer from either ends both. A counterexample is always
     * WGL's, so that the same history shows the same one every time: when the linear search finds one
     * first, WGL still runs to its own (the two differ in the prefix and states they find). Only if
     * WGL then gives up (time or memory) is the linear search's counterexample shown, marked as found
     * by it; if WGL gave up before the linear search started, the linear search runs then, here.
     */
    private Verdict compete(Optional<Value> key, PreparedHistory h) {
        AtomicBoolean stopWgl = new AtomicBoolean();
        AtomicBoolean stopLinear = new AtomicBoolean();
        Budget linearBudget = budget.child(stopLinear);
        CompletableFuture<SearchResult> linear = new CompletableFuture<>();
        ScheduledFuture<?> start = STARTER.schedule(() -> COMPETITORS.execute(() -> {
            try {
                SearchResult r = run(new LinearSearch(), h, linearBudget);
                if (r instanceof SearchResult.Linearizable) {
                    stopWgl.set(true);
                }
                linear.complete(r);
            } catch (RuntimeException | Error e) {
                linear.completeExceptionally(e);
            }
        }), wglAloneNanos, TimeUnit.NANOSECONDS);
        SearchResult wgl = run(new WglSearch(), h, budget.child(stopWgl));
        boolean linearStarted = !start.cancel(false);
        if (!(wgl instanceof SearchResult.GaveUp wglGaveUp)) {
            stopLinear.set(true);
            return verdict(key, h, wgl, Algorithm.WGL);
        }
        if (budget.cancelled()) {
            stopLinear.set(true);   // the whole check was called off (another key is invalid)
            return new Verdict.Unknown(wglGaveUp.reason());
        }
        SearchResult lin = linearStarted ? Threads.await(linear, "the linear search") : run(new LinearSearch(), h, linearBudget);
        if (lin instanceof SearchResult.GaveUp linGaveUp) {
            String reason = wglGaveUp.reason().equals(linGaveUp.reason()) ? wglGaveUp.reason()
                    : "WGL: " + wglGaveUp.reason() + "; linear: " + linGaveUp.reason();
            return new Verdict.Unknown(reason);
        }
        return verdict(key, h, lin, Algorithm.LINEAR);
    }

    private SearchResult run(Search search, PreparedHistory h, Budget b) {
        return search.run(h, model, b);
    }

    private static Verdict verdict(Optional<Value> key, PreparedHistory h, SearchResult r, Algorithm by) {
        if (r instanceof SearchResult.Linearizable) {
            return new Verdict.Valid();
        }
        if (r instanceof SearchResult.GaveUp g) {
            return new Verdict.Unknown(g.reason());
        }
        SearchResult.NotLinearizable bad = (SearchResult.NotLinearizable) r;
        List<Operation> ops = h.operations();
        List<Operation> prefix = new ArrayList<>();
        for (int id : bad.prefix()) {
            prefix.add(ops.get(id));
        }
        return new Verdict.Invalid(new Counterexample(key, ops.get(bad.failingOp()), prefix, bad.states(),
                bad.why(), by));
    }
}
