package io.faultline.report.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;

/**
 * The layout of ops on a time axis: one bar per operation (invocation to completion) on its
 * process' lane. The axis is the ops' recorded time when every op of the history has one, else
 * their index in the history (so that per-key sections of one history share an axis).
 */
final class Timeline {

    /**
     * One operation's bar.
     *
     * @param invoke     index of the invocation in the history
     * @param completion index of the completion, or -1 if it never completed
     * @param outcome    {@code ok}, {@code fail}, {@code info} or {@code pending}
     * @param start      axis position of the invocation
     * @param end        axis position where the bar ends (the end of the axis for info and pending:
     *                   such an op may take effect at any later time)
     */
    record Bar(long invoke, long completion, int process, String f, Value value, String outcome,
               double start, double end) {
    }

    final List<Bar> bars;
    final List<Integer> processes;
    final double min;
    final double max;
    final boolean byTime;
    /** Events in the whole history: the axis is as long for a key's part as for the whole. */
    final int events;

    private Timeline(List<Bar> bars, List<Integer> processes, double min, double max, boolean byTime, int events) {
        this.events = events;
        this.bars = bars;
        this.processes = processes;
        this.min = min;
        this.max = max;
        this.byTime = byTime;
    }

    /** Lays out {@code ops} (all of {@code history}, or one key's part of it). */
    static Timeline of(History history, List<Op> ops) {
        boolean byTime = !history.ops().isEmpty() && history.ops().stream().allMatch(o -> o.time().isPresent());
        double min = history.ops().isEmpty() ? 0 : x(history.get(0), byTime);
        double max = history.ops().isEmpty() ? 1 : x(history.get(history.size() - 1), byTime);
        if (byTime) {
            for (Op o : history) {
                min = Math.min(min, o.time().getAsLong());
                max = Math.max(max, o.time().getAsLong());
            }
        }
        max = Math.max(max, min + 1);
        Map<Integer, Op> pending = new HashMap<>();
        List<Bar> bars = new ArrayList<>();
        TreeSet<Integer> processes = new TreeSet<>();
        // Bars in invocation order: remember each invocation's slot, fill it at its completion.
        Map<Long, Integer> slot = new HashMap<>();
        for (Op o : ops) {
            processes.add(o.process());
            if (o.type() == OpType.INVOKE) {
                pending.put(o.process(), o);
                slot.put(o.index(), bars.size());
                bars.add(new Bar(o.index(), -1, o.process(), o.f(), o.value(), "pending", x(o, byTime), max));
            } else {
                Op inv = pending.remove(o.process());
                if (inv == null) {
                    continue;
                }
                String outcome = o.type().keyword();
                double end = o.type() == OpType.INFO ? max : x(o, byTime);
                Value shown = o.type() == OpType.OK ? fill(inv.value(), o.value()) : inv.value();
                bars.set(slot.get(inv.index()), new Bar(inv.index(), o.index(), o.process(), inv.f(), shown,
                        outcome, x(inv, byTime), end));
            }
        }
        return new Timeline(bars, List.copyOf(processes), min, max, byTime, history.size());
    }

    Optional<Bar> barOf(long invokeIndex) {
        return bars.stream().filter(b -> b.invoke() == invokeIndex).findFirst();
    }

    private static double x(Op o, boolean byTime) {
        return byTime ? o.time().getAsLong() : o.index();
    }

    /** What the op read or wrote: the invocation's value with nil parts taken from the completion. */
    private static Value fill(Value invoked, Value completed) {
        if (invoked.isNil()) {
            return completed;
        }
        if (invoked instanceof Value.Vec a && completed instanceof Value.Vec b && a.items().size() == b.items().size()) {
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < a.items().size(); i++) {
                out.add(fill(a.items().get(i), b.items().get(i)));
            }
            return Value.vec(out);
        }
        return invoked;
    }
}
