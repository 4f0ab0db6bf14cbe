package io.faultline.checker.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.CheckOptions;
import io.faultline.checker.CheckReport;
import io.faultline.checker.Linearizability;
import io.faultline.checker.Outcome;
import io.faultline.checker.Verdict;
import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.model.Models;
import io.faultline.gen.Gen;
import io.faultline.gen.Property;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The set, queue and mutex models checked with planted violations. A random linearizable history
 * ({@link SimulatedCase}) ends in a known state; a probe on fresh values then starts from it (a
 * queue is drained and a held mutex released first, which the execution itself explains). The
 * violating probe is INVALID with the counterexample on the probe; its benign twin (twin 0: the
 * relevant ops overlap; twin 1: the relevant op ended info) is VALID. Kinds:
 * <ul>
 *   <li>set: a read misses a completed add; a read holds an element never added (or whose add
 *       failed);</li>
 *   <li>queues: a dequeue of a value never enqueued; a value dequeued twice; a FIFO dequeue out of
 *       enqueue order (which the unordered queue allows);</li>
 *   <li>mutex: two acquires with no release between; a release of a free lock. The model does not
 *       track who holds the lock, so a release by another process than the holder is legal.</li>
 * </ul>
 * The violations hold whatever the background's pending ops do (a fresh value cannot come from
 * them, and a set only grows), except on the mutex, where a pending release (acquire) could explain
 * two acquires (releases): those backgrounds are left out. Seeded by {@code -Dfaultline.seed}; each
 * property prints its seed.
 */
class PlantedCollectionsTest {
    private static final int TRIES = 150;
    private static final int DRAIN = 40;   // the process that empties the background's queue or lock
    private static final int PROBE = 50;   // first probe process; backgrounds use fewer than 6
    private static final CheckOptions OPTIONS = CheckOptions.defaults().withTimeLimit(Duration.ofSeconds(20))
            .withThreads(1);
    private static final Value A = Value.of(1000);
    private static final Value B = Value.of(1001);

    enum Kind { MISSED_ADD, PHANTOM_ELEMENT, PHANTOM_DEQUEUE, DEQUEUED_TWICE, OUT_OF_ORDER, TWO_HOLDERS, RELEASE_FREE }

    record Probe(Kind kind, boolean violate, int twin) {
    }

    record Case(SimulatedCase background, Probe probe, History history) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(probe + " after " + background.history().size()
                    + " background events, final state " + background.state() + ":\n");
            for (Op op : history) {
                b.append("  ").append(op).append('\n');
            }
            return b.toString();
        }
    }

    @ParameterizedTest
    @CsvSource({"set, MISSED_ADD", "set, PHANTOM_ELEMENT",
            "fifo-queue, PHANTOM_DEQUEUE", "fifo-queue, DEQUEUED_TWICE", "fifo-queue, OUT_OF_ORDER",
            "unordered-queue, PHANTOM_DEQUEUE", "unordered-queue, DEQUEUED_TWICE",
            "mutex, TWO_HOLDERS", "mutex, RELEASE_FREE"})
    void plantedViolationsAreFlaggedAndTheirTwinsPass(String model, Kind kind) {
        int[] busy = new int[1];   // backgrounds that leave elements (or the lock held) to start from
        Property.forAll(cases(model, kind, true))
                .named("PlantedCollectionsTest[" + model + " " + kind + " violated]")
                .tries(TRIES)
                .verify(c -> {
                    Value st = c.background().state();
                    busy[0] += st.equals(Value.of(true)) || st instanceof Value.Vec v && !v.items().isEmpty() ? 1 : 0;
                    CheckReport r = check(model, c);
                    assertEquals(Outcome.INVALID, r.outcome(), () -> r.verdict().toString());
                    Verdict.Invalid inv = (Verdict.Invalid) r.verdict();
                    assertTrue(inv.counterexample().operation().process() >= PROBE,
                            () -> "the counterexample is not the probe: " + inv.counterexample());
                });
        Property.forAll(cases(model, kind, false))
                .named("PlantedCollectionsTest[" + model + " " + kind + " benign]")
                .tries(TRIES)
                .verify(c -> assertEquals(Outcome.VALID, check(model, c).outcome(),
                        () -> check(model, c).verdict().toString()));
        assertTrue(busy[0] > TRIES / 5, () -> "too few probes start from a non-empty state: " + busy[0]);
    }

    /** What breaks a FIFO queue is only concurrency to an unordered one. */
    @Test
    void anUnorderedQueueDequeuesInAnyOrder() {
        Property.forAll(cases("unordered-queue", Kind.OUT_OF_ORDER, true))
                .named("PlantedCollectionsTest[unordered-queue OUT_OF_ORDER]")
                .tries(TRIES)
                .verify(c -> assertEquals(Outcome.VALID, check("unordered-queue", c).outcome(),
                        () -> check("unordered-queue", c).verdict().toString()));
    }

    private static CheckReport check(String model, Case c) {
        return Linearizability.check(c.history(), Models.byName(model), OPTIONS);
    }

    private static Gen<Case> cases(String model, Kind kind, boolean violate) {
        String spoiler = kind == Kind.TWO_HOLDERS ? "release" : kind == Kind.RELEASE_FREE ? "acquire" : "";
        Gen<SimulatedCase> backgrounds = SimulatedCase.cases(model, 24)
                .filter(c -> !c.mutated() && !c.pendingAtEnd(spoiler));
        return Gen.tuple(backgrounds, Gen.integers(0, 1)).map(t -> {
            Probe p = new Probe(kind, violate, t.second());
            return new Case(t.first(), p, probe(t.first(), p));
        });
    }

    private static History probe(SimulatedCase bg, Probe p) {
        Script s = new Script(bg.history());
        switch (p.kind()) {
            case MISSED_ADD:
            case PHANTOM_ELEMENT:
                set(s, p, (Value.Vec) bg.state());
                break;
            case TWO_HOLDERS:
            case RELEASE_FREE:
                if (bg.state().equals(Value.of(true))) {
                    s.op(DRAIN, OpType.OK, "release", Value.NIL, Value.NIL);
                }
                mutex(s, p);
                break;
            default:
                for (Value item : ((Value.Vec) bg.state()).items()) {
                    s.op(DRAIN, OpType.OK, "dequeue", Value.NIL, item);
                }
                queue(s, p);
                break;
        }
        return s.history();
    }

    private static void set(Script s, Probe p, Value.Vec state) {
        boolean overlap = !p.violate() && p.twin() == 0;
        if (p.kind() == Kind.MISSED_ADD) {
            // The read finds the set as the background left it, without the probe's add.
            if (overlap) {
                s.invoke(PROBE, "add", A).invoke(PROBE + 1, "read", Value.NIL)
                        .complete(PROBE, OpType.OK, "add", A).complete(PROBE + 1, OpType.OK, "read", state);
            } else {
                s.op(PROBE, p.violate() ? OpType.OK : OpType.INFO, "add", A, A)
                        .op(PROBE + 1, OpType.OK, "read", Value.NIL, state);
            }
            return;
        }
        List<Value> with = new ArrayList<>(state.items());
        with.add(B);
        Value read = Value.vec(with);
        if (overlap) {
            s.invoke(PROBE, "add", B).invoke(PROBE + 1, "read", Value.NIL)
                    .complete(PROBE + 1, OpType.OK, "read", read).complete(PROBE, OpType.OK, "add", B);
            return;
        }
        if (!p.violate() || p.twin() == 1) {
            s.op(PROBE, p.violate() ? OpType.FAIL : OpType.INFO, "add", B, B);
        }
        s.op(PROBE + 1, OpType.OK, "read", Value.NIL, read);
    }

    private static void queue(Script s, Probe p) {
        boolean overlap = !p.violate() && p.twin() == 0;
        switch (p.kind()) {
            case PHANTOM_DEQUEUE:
                if (overlap) {
                    s.invoke(PROBE, "enqueue", A).invoke(PROBE + 1, "dequeue", Value.NIL)
                            .complete(PROBE + 1, OpType.OK, "dequeue", A).complete(PROBE, OpType.OK, "enqueue", A);
                    return;
                }
                if (!p.violate() || p.twin() == 1) {
                    s.op(PROBE, p.violate() ? OpType.FAIL : OpType.INFO, "enqueue", A, A);
                }
                s.op(PROBE + 1, OpType.OK, "dequeue", Value.NIL, A);
                return;
            case DEQUEUED_TWICE:
                s.op(PROBE, OpType.OK, "enqueue", A, A).op(PROBE + 1, OpType.OK, "dequeue", Value.NIL, A);
                if (overlap) {
                    // A second enqueue of the same value, concurrent with the second dequeue.
                    s.invoke(PROBE + 3, "enqueue", A).invoke(PROBE + 2, "dequeue", Value.NIL)
                            .complete(PROBE + 2, OpType.OK, "dequeue", A).complete(PROBE + 3, OpType.OK, "enqueue", A);
                    return;
                }
                if (!p.violate() || p.twin() == 1) {
                    s.op(PROBE + 3, p.violate() ? OpType.FAIL : OpType.INFO, "enqueue", A, A);
                }
                s.op(PROBE + 2, OpType.OK, "dequeue", Value.NIL, A);
                return;
            default:
                // Enqueue A then B; dequeue B then A. The twins leave A's enqueue unordered with B's.
                if (overlap) {
                    s.invoke(PROBE, "enqueue", A).invoke(PROBE + 1, "enqueue", B)
                            .complete(PROBE + 1, OpType.OK, "enqueue", B).complete(PROBE, OpType.OK, "enqueue", A);
                } else {
                    s.op(PROBE, p.violate() ? OpType.OK : OpType.INFO, "enqueue", A, A)
                            .op(PROBE + 1, OpType.OK, "enqueue", B, B);
                }
                s.op(PROBE + 2, OpType.OK, "dequeue", Value.NIL, B).op(PROBE + 3, OpType.OK, "dequeue", Value.NIL, A);
        }
    }

    private static void mutex(Script s, Probe p) {
        boolean overlap = !p.violate() && p.twin() == 0;
        // TWO_HOLDERS: P acquires, Q acquires; between them, P's release (the twins) or nothing.
        // RELEASE_FREE: P acquires and releases, Q releases; between, R's acquire or nothing.
        boolean two = p.kind() == Kind.TWO_HOLDERS;
        String between = two ? "release" : "acquire";
        String last = two ? "acquire" : "release";
        int betweenProcess = two ? PROBE : PROBE + 2;
        s.op(PROBE, OpType.OK, "acquire", Value.NIL, Value.NIL);
        if (!two) {
            s.op(PROBE, OpType.OK, "release", Value.NIL, Value.NIL);
        }
        if (overlap) {
            s.invoke(betweenProcess, between, Value.NIL).invoke(PROBE + 1, last, Value.NIL)
                    .complete(betweenProcess, OpType.OK, between, Value.NIL)
                    .complete(PROBE + 1, OpType.OK, last, Value.NIL);
            return;
        }
        if (!p.violate() || p.twin() == 1) {
            s.op(betweenProcess, p.violate() ? OpType.FAIL : OpType.INFO, between, Value.NIL, Value.NIL);
        }
        s.op(PROBE + 1, OpType.OK, last, Value.NIL, Value.NIL);
    }
}
