package io.faultline.checker.search;

import io.faultline.checker.model.Model;
import io.faultline.checker.model.Step;
import io.faultline.checker.model.Operation;
import io.faultline.checker.prepare.PreparedHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The model's reachable states, interned as small ints, with {@code step} memoized per
 * (state, operation): the searches then hash and compare ints, and call the model once per pair.
 * An interned state is a set of model states, so that a nondeterministic model is searched as a
 * deterministic one over sets (Porcupine's power-set construction); for a deterministic model the
 * sets are singletons. Not thread-safe: one per search.
 *
 * @param <S> the model's state type
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class StateSpace<S> {
    /** A transition to no state: the operation is inconsistent there. */
    public static final int INCONSISTENT = -1;
    private static final int UNKNOWN = -2;

    private final Model<S> model;
    private final List<Operation> ops;
    // A singleton set is interned as its element, a larger set wrapped in Multi (no clash: S is
    // never Multi); so a deterministic model pays no set per state.
    private final Map<Object, Integer> ids = new HashMap<>();
    private final List<Object> states = new ArrayList<>();
    private final LongIntMap next = new LongIntMap();   // (state << 32 | op) -> state

    /** Memory charged per memoized transition and per interned state (their objects, roughly). */
    private static final long TRANSITION_BYTES = 24;
    private static final long STATE_BYTES = 96;

    private final Budget.Meter meter;

    public StateSpace(Model<S> model, PreparedHistory history, Budget.Meter meter) {
        this.model = model;
        this.meter = meter;
        this.ops = history.operations();
        intern(model.initial());
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
            meter.charge(TRANSITION_BYTES);
        }
        return t;
    }

    private record Multi<S>(Set<S> states) {
    }

    @SuppressWarnings("unchecked")
    private int compute(int state, int op) {
        Operation o = ops.get(op);
        Object from = states.get(state);
        if (!(from instanceof Multi<?>)) {
            Step<S> r = model.step((S) from, o);
            if (r instanceof Step.Ok<S> ok) {
                return intern(ok.state());
            }
            if (r instanceof Step.AnyOf<S> any) {
                return intern(any.states());
            }
            return INCONSISTENT;
        }
        Set<S> to = new HashSet<>();
        for (S s : ((Multi<S>) from).states()) {
            Step<S> r = model.step(s, o);
            if (r instanceof Step.Ok<S> ok) {
                to.add(ok.state());
            } else if (r instanceof Step.AnyOf<S> any) {
                to.addAll(any.states());
            }
        }
        return to.isEmpty() ? INCONSISTENT : intern(to);
    }

    private int intern(Set<S> set) {
        return set.size() == 1 ? intern(set.iterator().next()) : intern(new Multi<>(Set.copyOf(set)));
    }

    private int intern(Object key) {
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        int fresh = states.size();
        meter.charge(STATE_BYTES);
        states.add(key);
        ids.put(key, fresh);
        return fresh;
    }

    /** The model states an interned state stands for (one, unless the model is nondeterministic). */
    @SuppressWarnings("unchecked")
    public Set<S> states(int state) {
        Object s = states.get(state);
        return s instanceof Multi<?> m ? ((Multi<S>) m).states() : Set.of((S) s);
    }

    /** Why {@code op} is inconsistent in {@code state}, from the model's own words. */
    public String whyInconsistent(int state, int op) {
        List<String> reasons = new ArrayList<>();
        for (S s : states(state)) {
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
