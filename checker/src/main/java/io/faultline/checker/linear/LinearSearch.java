package io.faultline.checker.linear;

import io.faultline.checker.model.Model;
import io.faultline.checker.prepare.PreparedHistory;
import io.faultline.checker.search.Budget;
import io.faultline.checker.search.GiveUp;
import io.faultline.checker.search.Search;
import io.faultline.checker.search.SearchResult;
import io.faultline.checker.search.StateSpace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Knossos' linear search. The set of configurations starts as {initial state, nothing linearized}.
 * A call adds its operation to the open ones. The return of {@code x} replaces every configuration
 * by those reachable from it by linearizing open operations, one at a time, until {@code x} is
 * linearized; {@code x} then leaves the open set. An empty set means {@code x} cannot be
 * linearized. Indeterminate operations never return, so they are never forced.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LinearSearch implements Search {
    private static final int MAX_STATES_REPORTED = 8;

    @Override
    public <S> SearchResult run(PreparedHistory history, Model<S> model, Budget budget) {
        Budget.Meter meter = budget.meter();
        try {
            boolean[] readOnly = new boolean[history.size()];
            boolean[] indeterminate = new boolean[history.size()];
            for (int i = 0; i < history.size(); i++) {
                readOnly[i] = model.readOnly(history.operations().get(i));
                indeterminate[i] = history.operations().get(i).isIndeterminate();
            }
            return search(history, new StateSpace<>(model, history, meter), meter, readOnly, indeterminate);
        } catch (GiveUp g) {
            return new SearchResult.GaveUp(g.getMessage());
        } catch (OutOfMemoryError oom) {
            return new SearchResult.GaveUp("out of memory (the JVM's heap) in the linear search");
        } finally {
            meter.release();
        }
    }

    private static <S> SearchResult search(PreparedHistory h, StateSpace<S> space, Budget.Meter meter,
                                           boolean[] readOnly, boolean[] indeterminate) {
        int words = (h.size() + 63) / 64;
        long configBytes = 96L + 8L * words;
        Set<Config> configs = new LinkedHashSet<>();
        configs.add(new Config(space.initial(), new long[words], null));
        List<Integer> open = new ArrayList<>();
        for (int e = 0; e < h.eventCount(); e++) {
            meter.tick();
            int x = h.opOf(e);
            if (h.isCall(e)) {
                open.add(x);
                continue;
            }
            Set<Config> next = new LinkedHashSet<>();
            Set<Config> visited = new HashSet<>();
            ArrayDeque<Config> stack = new ArrayDeque<>();
            for (Config c : configs) {
                if (visited.add(c)) {
                    stack.push(c);
                }
            }
            while (!stack.isEmpty()) {
                meter.tick();
                Config c = absorbReadOnly(stack.pop(), open, readOnly, space);
                if (c.has(x)) {
                    next.add(c.without(x));
                    continue;
                }
                for (int y : open) {
                    if (c.has(y)) {
                        continue;
                    }
                    int t = space.step(c.state, y);
                    // A state-preserving op was absorbed above if possible; an indeterminate op
                    // that changes nothing is dominated by leaving it out.
                    if (t < 0 || (t == c.state && (readOnly[y] || indeterminate[y]))) {
                        continue;
                    }
                    Config child = c.with(y, t);
                    if (visited.add(child)) {
                        meter.charge(configBytes);
                        stack.push(child);
                    }
                }
            }
            if (next.isEmpty()) {
                return failure(x, configs, space);
            }
            open.remove(Integer.valueOf(x));
            configs = next;
        }
        return new SearchResult.Linearizable();
    }

    /**
     * Linearizes every open read-only operation possible in {@code c}'s state. Sound: moving a
     * state-preserving operation earlier within its window changes no other operation's result,
     * so some linearization, if any exists, has it here.
     */
    private static <S> Config absorbReadOnly(Config c, List<Integer> open, boolean[] readOnly, StateSpace<S> space) {
        Config out = c;
        for (int y : open) {
            if (readOnly[y] && !out.has(y) && space.step(out.state, y) == out.state) {
                out = out.with(y, out.state);
            }
        }
        return out;
    }

    private static <S> SearchResult failure(int x, Set<Config> configs, StateSpace<S> space) {
        Config longest = null;
        Set<Object> states = new LinkedHashSet<>();
        List<String> why = new ArrayList<>();
        for (Config c : configs) {
            if (longest == null || length(c) > length(longest)) {
                longest = c;
            }
            if (states.size() < MAX_STATES_REPORTED) {
                states.addAll(space.states(c.state));
                String w = space.whyInconsistent(c.state, x);
                if (!w.isEmpty() && !why.contains(w)) {
                    why.add(w);
                }
            }
        }
        List<Integer> prefix = new ArrayList<>();
        for (Config.Path p = longest.path; p != null; p = p.prev) {
            prefix.add(p.op);
        }
        Collections.reverse(prefix);
        return new SearchResult.NotLinearizable(x, prefix, new ArrayList<>(states), String.join("; ", why));
    }

    private static int length(Config c) {
        return c.path == null ? 0 : c.path.length;
    }
}
