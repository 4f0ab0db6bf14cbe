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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The linearizability checker checked with planted violations: a random linearizable concurrent
 * history ({@link SimulatedCase}, with info ops still pending that may take effect at any time),
 * then a probe on fresh values (and, for keyed models, a fresh key) by fresh processes. The
 * violating probe is INVALID, and the counterexample names the probe; its benign twin, the same ops
 * with only concurrency or unknown outcomes that some linearization explains, is VALID. Kinds:
 * <ul>
 *   <li>stale read: write x1, then write x2, then a read returns x1; twins: the read overlaps the
 *       second write, or the second write ended info;</li>
 *   <li>read of a failed write: a write that definitely failed, then a read of its value; twin: the
 *       write ended info;</li>
 *   <li>missed write (keyed models): a write completed, then a read finds the key empty; twin: the
 *       read began before the write completed (the read-after-write rule judged by overlap).</li>
 *   <li>cas on a wrong expected value: write x1, then {@code cas [x2 x3]} succeeds (after no write
 *       of x2, or a failed one); twins: a write of x2 overlaps the cas, or ended info before it;</li>
 *   <li>cas wrongly failed ({@code cas-register-etcd}, which keeps failed cas ops as constraints):
 *       write x1, then {@code cas [x1 x3]} fails; same twins. Knossos' cas-register drops failed
 *       cas ops, so there the violating shape is legal.</li>
 * </ul>
 * Seeded by {@code -Dfaultline.seed}; each property prints its seed.
 */
class PlantedLinearizabilityTest {
    private static final int TRIES = 150;
    private static final int PROBE = 50;   // first probe process; backgrounds use fewer than 6
    private static final CheckOptions OPTIONS = CheckOptions.defaults().withTimeLimit(Duration.ofSeconds(20))
            .withThreads(1);

    enum Kind { STALE_READ, FAILED_WRITE_READ, MISSED_WRITE, CAS_WRONG_EXPECTED, CAS_WRONGLY_FAILED }

    record Probe(Kind kind, boolean violate, int twin) {
    }

    record Case(SimulatedCase background, Probe probe, History history) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(probe + " after " + background.history().size()
                    + " background events:\n");
            for (Op op : history) {
                b.append("  ").append(op).append('\n');
            }
            return b.toString();
        }
    }

    /** How one model spells a write and a read of {@code v} (on the fresh key, if keyed). */
    private record Spelling(String write, String read, boolean keyed, Value empty) {
        Value arg(Value v) {
            return keyed ? Value.vec(KEY, v) : v;
        }
    }

    private static final Value KEY = Value.of("probe");

    private static Spelling spelling(String model) {
        switch (model) {
            case "kv":
                return new Spelling("put", "get", true, Value.of(""));
            case "s3-object":
                return new Spelling("put", "get", true, Value.NIL);
            case "multi-register":
                return new Spelling("write", "read", true, Value.NIL);
            default:
                return new Spelling("write", "read", false, Value.NIL);
        }
    }

    private static Value x(String model, int i) {
        return model.equals("kv") ? Value.of("x" + i) : Value.of(100 + i);
    }

    private static Gen<Case> cases(String model, Kind kind, boolean violate) {
        // A failed cas constrains the register only if no background write may still land before it.
        boolean settled = kind == Kind.CAS_WRONGLY_FAILED;
        return Gen.tuple(SimulatedCase.cases(model, 24).filter(c -> !c.mutated()
                        && !(settled && (c.pendingAtEnd("write") || c.pendingAtEnd("cas")))), Gen.integers(0, 1))
                .map(t -> {
                    Probe p = new Probe(kind, violate, t.second());
                    return new Case(t.first(), p, probe(model, t.first().history(), p));
                });
    }

    private static History probe(String model, History background, Probe p) {
        Spelling s = spelling(model);
        List<Op> ops = new ArrayList<>(background.ops());
        Value x1 = x(model, 1);
        Value x2 = x(model, 2);
        switch (p.kind()) {
            case STALE_READ:
                add(ops, OpType.INVOKE, PROBE, s.write(), s.arg(x1));
                add(ops, OpType.OK, PROBE, s.write(), s.arg(x1));
                add(ops, OpType.INVOKE, PROBE + 1, s.write(), s.arg(x2));
                boolean overlap = !p.violate() && p.twin() == 0;
                if (!overlap) {
                    add(ops, p.violate() ? OpType.OK : OpType.INFO, PROBE + 1, s.write(), s.arg(x2));
                }
                add(ops, OpType.INVOKE, PROBE + 2, s.read(), s.arg(Value.NIL));
                if (overlap) {
                    add(ops, OpType.OK, PROBE + 1, s.write(), s.arg(x2));
                }
                add(ops, OpType.OK, PROBE + 2, s.read(), s.arg(x1));
                break;
            case FAILED_WRITE_READ:
                add(ops, OpType.INVOKE, PROBE, s.write(), s.arg(x1));
                add(ops, p.violate() ? OpType.FAIL : OpType.INFO, PROBE, s.write(), s.arg(x1));
                add(ops, OpType.INVOKE, PROBE + 1, s.read(), s.arg(Value.NIL));
                add(ops, OpType.OK, PROBE + 1, s.read(), s.arg(x1));
                break;
            case CAS_WRONG_EXPECTED:
            case CAS_WRONGLY_FAILED:
                cas(ops, p, x1, x2);
                break;
            default:
                add(ops, OpType.INVOKE, PROBE, s.write(), s.arg(x1));
                if (p.violate()) {
                    add(ops, OpType.OK, PROBE, s.write(), s.arg(x1));
                }
                add(ops, OpType.INVOKE, PROBE + 1, s.read(), s.arg(Value.NIL));
                if (!p.violate()) {
                    add(ops, OpType.OK, PROBE, s.write(), s.arg(x1));
                }
                add(ops, OpType.OK, PROBE + 1, s.read(), s.arg(s.empty()));
                break;
        }
        return History.of(ops);
    }

    /** Write x1; then a cas whose outcome only a write of x2 (the twins' concurrent or info write) explains. */
    private static void cas(List<Op> ops, Probe p, Value x1, Value x2) {
        boolean fails = p.kind() == Kind.CAS_WRONGLY_FAILED;
        Value cas = Value.vec(fails ? x1 : x2, Value.of(103));
        OpType outcome = fails ? OpType.FAIL : OpType.OK;
        add(ops, OpType.INVOKE, PROBE, "write", x1);
        add(ops, OpType.OK, PROBE, "write", x1);
        if (!p.violate() && p.twin() == 0) {
            add(ops, OpType.INVOKE, PROBE + 2, "write", x2);
            add(ops, OpType.INVOKE, PROBE + 1, "cas", cas);
            add(ops, outcome, PROBE + 1, "cas", cas);
            add(ops, OpType.OK, PROBE + 2, "write", x2);
            return;
        }
        if (!p.violate() || p.twin() == 1) {
            add(ops, OpType.INVOKE, PROBE + 2, "write", x2);
            add(ops, p.violate() ? OpType.FAIL : OpType.INFO, PROBE + 2, "write", x2);
        }
        add(ops, OpType.INVOKE, PROBE + 1, "cas", cas);
        add(ops, outcome, PROBE + 1, "cas", cas);
    }

    private static void add(List<Op> ops, OpType type, int process, String f, Value value) {
        ops.add(new Op(ops.size(), process, type, f, value, java.util.OptionalLong.of(ops.size())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"register", "cas-register", "cas-register-etcd", "multi-register", "kv", "s3-object"})
    void staleReadsAreFlaggedAndOverlappingOrInfoWritesExplainThem(String model) {
        both(model, Kind.STALE_READ);
    }

    @ParameterizedTest
    @ValueSource(strings = {"register", "cas-register", "cas-register-etcd", "multi-register", "kv", "s3-object"})
    void readsOfFailedWritesAreFlaggedAndOfInfoWritesAreNot(String model) {
        both(model, Kind.FAILED_WRITE_READ);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kv", "s3-object"})
    void aReadThatBeganAfterAWriteCompletedMustSeeIt(String model) {
        both(model, Kind.MISSED_WRITE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cas-register", "cas-register-etcd"})
    void aCasOnAWrongExpectedValueIsFlaggedAndAConcurrentWriteExplainsIt(String model) {
        both(model, Kind.CAS_WRONG_EXPECTED);
    }

    @Test
    void aCasThatFailedOnTheValueItExpectedIsFlaggedByTheEtcdModel() {
        both("cas-register-etcd", Kind.CAS_WRONGLY_FAILED);
    }

    /** Knossos' cas-register drops failed cas ops: a failure constrains nothing there. */
    @Test
    void theKnossosModelIgnoresFailedCas() {
        Property.forAll(cases("cas-register", Kind.CAS_WRONGLY_FAILED, true))
                .named("PlantedLinearizabilityTest[cas-register CAS_WRONGLY_FAILED]")
                .tries(TRIES)
                .verify(c -> {
                    CheckReport r = Linearizability.check(c.history(), Models.byName("cas-register"), OPTIONS);
                    assertEquals(Outcome.VALID, r.outcome(), () -> r.verdict().toString());
                });
    }

    private static void both(String model, Kind kind) {
        Property.forAll(cases(model, kind, true))
                .named("PlantedLinearizabilityTest[" + model + " " + kind + " violated]")
                .tries(TRIES)
                .verify(c -> {
                    CheckReport r = Linearizability.check(c.history(), Models.byName(model), OPTIONS);
                    assertEquals(Outcome.INVALID, r.outcome(), () -> r.verdict().toString());
                    Verdict.Invalid inv = (Verdict.Invalid) r.verdict();
                    assertTrue(inv.counterexample().operation().process() >= PROBE,
                            () -> "the counterexample is not the probe: " + inv.counterexample());
                    if (spelling(model).keyed() && !model.equals("multi-register")) {
                        assertEquals(KEY, inv.counterexample().key().orElseThrow());
                    }
                });
        Property.forAll(cases(model, kind, false))
                .named("PlantedLinearizabilityTest[" + model + " " + kind + " benign]")
                .tries(TRIES)
                .verify(c -> {
                    CheckReport r = Linearizability.check(c.history(), Models.byName(model), OPTIONS);
                    assertEquals(Outcome.VALID, r.outcome(), () -> r.verdict().toString());
                });
    }
}
