package io.faultline.checker.wgl;

import io.faultline.checker.model.Model;
import io.faultline.checker.prepare.PreparedHistory;
import io.faultline.checker.search.Budget;
import io.faultline.checker.search.GiveUp;
import io.faultline.checker.search.Search;
import io.faultline.checker.search.SearchResult;
import io.faultline.checker.search.StateSpace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Wing and Gong's search as refined by Lowe: walk the list of call/return events; at a call, try
 * to linearize that operation now (if the model allows it and the resulting (linearized set,
 * state) is new), lifting its call and return out of the list; at a return whose call is still
 * there, undo the last choice. Indeterminate operations have no return, so they never force a
 * backtrack; the history is linearizable once no return is left.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class WglSearch implements Search {
    private static final int MAX_STATES_REPORTED = 8;

    @Override
    public <S> SearchResult run(PreparedHistory history, Model<S> model, Budget budget) {
        Budget.Meter meter = budget.meter();
        try {
            return new Run<>(history, model, meter).search();
        } catch (GiveUp g) {
            return new SearchResult.GaveUp(g.getMessage());
        } catch (OutOfMemoryError oom) {
            return new SearchResult.GaveUp("out of memory (the JVM's heap) in the WGL search");
        } finally {
            meter.release();
        }
    }

    private static final class Run<S> {
        private final int head;
        private final int[] next;
        private final int[] prev;
        private final int[] entryOp;
        private final boolean[] isCall;
        private final int[] callEntry;
        private final int[] returnEntry;
        private final long[] zobrist;
        private final boolean[] indeterminate;
        private final boolean[] readOnly;
        private final StateSpace<S> space;
        private final Budget.Meter meter;
        private final int opCount;
        private final long entryBytes;

        private int bestReturn = -1;
        private int bestDepth = -1;
        private int bestOp = -1;
        private int[] bestPrefix = new int[0];
        private final Set<Integer> bestStates = new LinkedHashSet<>();

        Run(PreparedHistory h, Model<S> model, Budget.Meter meter) {
            int events = h.eventCount();
            opCount = h.size();
            head = events;
            int tail = events + 1;
            next = new int[events + 2];
            prev = new int[events + 2];
            entryOp = new int[events];
            isCall = new boolean[events];
            callEntry = new int[opCount];
            returnEntry = new int[opCount];
            java.util.Arrays.fill(returnEntry, -1);
            for (int e = 0; e < events; e++) {
                entryOp[e] = h.opOf(e);
                isCall[e] = h.isCall(e);
                if (isCall[e]) {
                    callEntry[entryOp[e]] = e;
                } else {
                    returnEntry[entryOp[e]] = e;
                }
                prev[e] = e == 0 ? head : e - 1;
                next[e] = e == events - 1 ? tail : e + 1;
            }
            next[head] = events == 0 ? tail : 0;
            prev[tail] = events == 0 ? head : events - 1;
            indeterminate = new boolean[opCount];
            readOnly = new boolean[opCount];
            for (int i = 0; i < opCount; i++) {
                indeterminate[i] = h.operations().get(i).isIndeterminate();
                readOnly[i] = model.readOnly(h.operations().get(i));
            }
            zobrist = new long[opCount];
            long x = 0x5DEECE66DL;
            for (int i = 0; i < opCount; i++) {
                x += 0x9E3779B97F4A7C15L;
                long z = x;
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                zobrist[i] = z ^ (z >>> 31);
            }
            space = new StateSpace<>(model, h, meter);
            this.meter = meter;
            this.entryBytes = 56L + 8L * ((opCount + 63) / 64);
        }

        private void lift(int op) {
            int c = callEntry[op];
            next[prev[c]] = next[c];
            prev[next[c]] = prev[c];
            int r = returnEntry[op];
            if (r >= 0) {
                next[prev[r]] = next[r];
                prev[next[r]] = prev[r];
            }
        }

        private void unlift(int op) {
            int r = returnEntry[op];
            if (r >= 0) {
                prev[next[r]] = r;
                next[prev[r]] = r;
            }
            int c = callEntry[op];
            prev[next[c]] = c;
            next[prev[c]] = c;
        }

        SearchResult search() {
            long[] linearized = new long[(opCount + 63) / 64];
            long hash = 0;
            ConfigCache cache = new ConfigCache();
            int[] stackOp = new int[opCount];
            int[] stackState = new int[opCount];
            int depth = 0;
            int remainingReturns = 0;
            for (int op = 0; op < opCount; op++) {
                if (returnEntry[op] >= 0) {
                    remainingReturns++;
                }
            }
            boolean[] stackForced = new boolean[opCount];
            int state = space.initial();
            int entry = next[head];
            while (remainingReturns > 0) {
                meter.tick();
                if (isCall[entry]) {
                    int op = entryOp[entry];
                    int after = space.step(state, op);
                    // An indeterminate op that changes nothing is dominated by leaving it out.
                    if (after < 0 || (indeterminate[op] && after == state)) {
                        entry = next[entry];
                        continue;
                    }
                    // A read-only op possible now is linearized now, with no alternative tried:
                    // moving it earlier within its window changes no other result, so (L, s)
                    // succeeds iff (L + op, s) does.
                    boolean forced = readOnly[op] && after == state;
                    linearized[op >>> 6] |= 1L << op;
                    hash ^= zobrist[op];
                    if (cache.add(linearized, hash, after)) {
                        meter.charge(entryBytes);
                        stackOp[depth] = op;
                        stackState[depth] = state;
                        stackForced[depth] = forced;
                        depth++;
                        state = after;
                        lift(op);
                        if (returnEntry[op] >= 0) {
                            remainingReturns--;
                        }
                        entry = next[head];
                        continue;
                    }
                    linearized[op >>> 6] &= ~(1L << op);
                    hash ^= zobrist[op];
                    if (!forced) {
                        entry = next[entry];
                        continue;
                    }
                    // (L + op, s) was explored and failed (it cannot be on the stack), so (L, s) fails.
                } else {
                    noteDeadEnd(entryOp[entry], stackOp, depth, state);
                }
                // Backtrack to the last choice that had alternatives.
                while (true) {
                    if (depth == 0) {
                        return failure();
                    }
                    depth--;
                    int op = stackOp[depth];
                    state = stackState[depth];
                    linearized[op >>> 6] &= ~(1L << op);
                    hash ^= zobrist[op];
                    unlift(op);
                    if (returnEntry[op] >= 0) {
                        remainingReturns++;
                    }
                    if (!stackForced[depth]) {
                        entry = next[callEntry[op]];
                        break;
                    }
                }
            }
            return new SearchResult.Linearizable();
        }

        /**
         * Remembers the dead end whose blocked return comes latest in the history, and among those
         * the deepest: its blocked operation, prefix and states. Ranking by depth alone blamed a
         * correct op whenever linearizing indeterminate ops early made a shorter-lived branch look
         * deeper; the latest blocked return is the first return no linearization gets past, the op
         * the linear search names too.
         */
        private void noteDeadEnd(int blocked, int[] stackOp, int depth, int state) {
            int at = returnEntry[blocked];
            if (at > bestReturn || (at == bestReturn && depth > bestDepth)) {
                bestReturn = at;
                bestDepth = depth;
                bestOp = blocked;
                bestPrefix = java.util.Arrays.copyOf(stackOp, depth);
                bestStates.clear();
                bestStates.add(state);
            } else if (depth == bestDepth && blocked == bestOp && bestStates.size() < MAX_STATES_REPORTED) {
                bestStates.add(state);
            }
        }

        private SearchResult failure() {
            if (bestOp < 0) {
                bestOp = entryOp[next[head]];   // not expected: every failure passes a return entry
            }
            List<Integer> prefix = new ArrayList<>(bestPrefix.length);
            for (int op : bestPrefix) {
                prefix.add(op);
            }
            List<Object> states = new ArrayList<>();
            List<String> why = new ArrayList<>();
            for (int s : bestStates) {
                states.addAll(space.states(s));
                String w = space.whyInconsistent(s, bestOp);
                if (!w.isEmpty() && !why.contains(w)) {
                    why.add(w);
                }
            }
            return new SearchResult.NotLinearizable(bestOp, prefix, states, String.join("; ", why));
        }
    }
}
