package io.faultline.checker.search;

import io.faultline.checker.model.Model;
import io.faultline.checker.model.Step;
import io.faultline.checker.prepare.Operation;
import io.faultline.checker.prepare.PreparedHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model's reachable states, interned as small ints, with {@code step} memoized per
 * (state, operation): the searches then hash and compare ints, and call the model once per pair.
 * An interned state is a set of model states, so that a nondeterministic model is searched as a
 * deterministic one over sets (Porcupine's power-set construction); for a deterministic model the
 * sets are singletons. Not thread-safe: one per search.
 *
 * @param <S> the model's state type
 */
public final class StateSpace<S> {
    /** A transition to no state: the operation is inconsistent there. */
    public static final int INCONSISTENT = -1;
    private static final int UNKNOWN = -2;

    private final Model<S> model;
    private final List<Operation> ops;
    private final Map<Set<S>, Integer> ids = new HashMap<>();
    private final List<Set<S>> states = new ArrayList<>();
    private final LongIntMap next = new LongIntMap();   // (state << 32 | op) -> state

    public StateSpace(Model<S> model, PreparedHistory history) {
        this.model = model;
        this.ops = history.operations();
        intern(Set.of(model.initial()));
    }

    /** The id of the initial state: always 0. */
    public int initial() {
        return 0;
    }

    /** The state after {@code op} from {@code state}, or {@link #INCONSISTENT}. */
    public int step(int state, int op) {
        long key = ((long) state << 32) | op;
        int t = next.get(key, UNKNOWN);
        if (t == UNKNOWN) {
            t = compute(state, op);
            next.put(key, t);
        }
        return t;
    }

    private int compute(int state, int op) {
        Operation o = ops.get(op);
        Set<S> from = states.get(state);
        if (from.size() == 1) {
            Step<S> r = model.step(from.iterator().next(), o);
            if (r instanceof Step.Ok<S> ok) {
                return intern(Set.of(ok.state()));
            }
            if (r instanceof Step.AnyOf<S> any) {
                return intern(any.states());
            }
            return INCONSISTENT;
        }
        Set<S> to = new HashSet<>();
        for (S s : from) {
            Step<S> r = model.step(s, o);
            if (r instanceof Step.Ok<S> ok) {
                to.add(ok.state());
            } else if (r instanceof Step.AnyOf<S> any) {
                to.addAll(any.states());
            }
        }
        return to.isEmpty() ? INCONSISTENT : intern(Set.copyOf(to));
    }

    private int intern(Set<S> set) {
        Integer id = ids.get(set);
        if (id != null) {
            return id;
        }
        int fresh = states.size();
        states.add(set);
        ids.put(set, fresh);
        return fresh;
    }

    /** The model states an interned state stands for (one, unless the model is nondeterministic). */
    public Set<S> states(int state) {
        return states.get(state);
    }

    /** Why {@code op} is inconsistent in {@code state}, from the model's own words. */
    public String whyInconsistent(int state, int op) {
        List<String> reasons = new ArrayList<>();
        for (S s : states.get(state)) {
            Step<S> r = model.step(s, ops.get(op));
            if (r instanceof Step.Inconsistent<S> bad) {
                reasons.add(bad.reason());
            }
        }
        return reasons.isEmpty() ? "" : String.join("; ", reasons);
    }

    /** How many transitions are memoized (for memory accounting). */
    public int transitions() {
        return next.size();
    }

    /** How many distinct states were reached. */
    public int size() {
        return states.size();
    }
}
