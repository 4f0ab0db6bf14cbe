package io.faultline.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one path of every fault primitive call (see {@link Simulation#faultsOnlyFrom}): it logs the
 * calls of a run that has no given plan, and in a run that has one lets through only the plan's
 * own actions and the calls the plan claims ({@link FaultPlan#claim}). It also
 * holds the plans' timed actions ({@link Simulation#faultAt}): they are not events, so they take no
 * place in the event order and leave no ACTION line of their own; each runs once every event before
 * its time has run, before the first one after it.
 */
final class FaultGate {
    private FaultPlan onlySource;
    private int inPlan;
    private final List<AppliedFault> log = new ArrayList<>();
    private final TreeMap<Long, ArrayDeque<Timed>> due = new TreeMap<>();

    /** A plan's timed action and what it does (an invariant broken by it names it). */
    record Timed(String description, Runnable action) {
    }

    void onlySource(FaultPlan plan) {
        if (onlySource != null) {
            throw new IllegalStateException("a run has one source of faults");
        }
        onlySource = plan;
    }

    FaultPlan onlySource() {
        return onlySource;
    }

    boolean hasOnlySource() {
        return onlySource != null;
    }

    /** True if {@code call}, made at {@code now} by whoever calls it, takes effect. */
    boolean admits(FaultCall call, long now, boolean started) {
        if (!started) {
            return true;                 // setup: configuration, not a fault
        }
        if (onlySource == null) {
            log.add(new AppliedFault(now, call));
            return true;
        }
        if (inPlan > 0) {
            return true;
        }
        return asPlan(() -> onlySource.claim(now, call));
    }

    List<AppliedFault> log() {
        return List.copyOf(log);
    }

    boolean inPlan() {
        return inPlan > 0;
    }

    void asPlan(Runnable action) {
        inPlan++;
        try {
            action.run();
        } finally {
            inPlan--;
        }
    }

    private boolean asPlan(java.util.function.BooleanSupplier action) {
        inPlan++;
        try {
            return action.getAsBoolean();
        } finally {
            inPlan--;
        }
    }

    void at(long time, String description, Runnable action) {
        due.computeIfAbsent(time, t -> new ArrayDeque<>()).add(new Timed(description, action));
    }

    /** The time of the first timed action due before {@code horizon}, or -1. */
    long firstBefore(long horizon) {
        if (due.isEmpty() || due.firstKey() >= horizon) {
            return -1;
        }
        return due.firstKey();
    }

    /** Removes and returns the first timed action. */
    Timed pollFirst() {
        Map.Entry<Long, ArrayDeque<Timed>> first = due.firstEntry();
        Timed r = first.getValue().poll();
        if (first.getValue().isEmpty()) {
            due.remove(first.getKey());
        }
        return r;
    }
}
