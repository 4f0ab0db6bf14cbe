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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/** Checks one prepared (sub-)history with the chosen algorithm, or both in competition. */
final class PartCheck {
    private static final ExecutorService COMPETITORS =
            Executors.newCachedThreadPool(Threads.daemon("faultline-check-linear"));

    private static final long LINEAR_GRACE_MILLIS = 100;

    private final Model<?> model;
    private final Algorithm algorithm;
    private final Budget budget;

    PartCheck(Model<?> model, Algorithm algorithm, Budget budget) {
        this.model = model;
        this.algorithm = algorithm;
        this.budget = budget;
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
     * WGL here, linear on a helper thread (after a 100 ms grace). A linearizable answer from either
     * ends both. A counterexample is always WGL's, so that the same history shows the same one
     * every time: when the linear search finds one first, WGL still runs to its own (the two differ
     * in the prefix and states they find). Only if WGL then gives up (time or memory) is the linear
     * search's counterexample shown, marked as found by it.
     */
    private Verdict compete(Optional<Value> key, PreparedHistory h) {
        AtomicBoolean stopWgl = new AtomicBoolean();
        AtomicBoolean stopLinear = new AtomicBoolean();
        Budget linearBudget = budget.child(stopLinear);
        Future<SearchResult> linear = COMPETITORS.submit(() -> {
            // Most histories are decided by WGL within milliseconds: starting the linear search a
            // little later spares a small machine's cores for it, at no cost on the hard cases.
            Thread.sleep(LINEAR_GRACE_MILLIS);
            if (stopLinear.get()) {
                return new SearchResult.GaveUp("cancelled");
            }
            SearchResult r = run(new LinearSearch(), h, linearBudget);
            if (r instanceof SearchResult.Linearizable) {
                stopWgl.set(true);
            }
            return r;
        });
        SearchResult wgl = run(new WglSearch(), h, budget.child(stopWgl));
        if (!(wgl instanceof SearchResult.GaveUp wglGaveUp)) {
            stopLinear.set(true);
            return verdict(key, h, wgl, Algorithm.WGL);
        }
        if (budget.cancelled()) {
            stopLinear.set(true);   // the whole check was called off (another key is invalid)
            return new Verdict.Unknown(wglGaveUp.reason());
        }
        SearchResult lin = Threads.await(linear, "the linear search");
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
