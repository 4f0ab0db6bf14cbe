package io.faultline.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.model.Model;
import io.faultline.checker.model.Models;
import io.faultline.checker.model.Step;
import io.faultline.checker.history.HistoryException;
import io.faultline.checker.model.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LinearizabilityTest {

    /** {@code n} overlapping writes of distinct values, then a read of a value never written. */
    private static History manyConcurrentWritesThenAnImpossibleRead(int n) {
        HistoryBuilder b = new HistoryBuilder();
        for (int p = 0; p < n; p++) {
            b.invoke(p, "write", Value.of(p), p);
        }
        for (int p = 0; p < n; p++) {
            b.complete(p, OpType.OK, "write", Value.of(p), n + p);
        }
        b.invoke(n, "read", Value.NIL, 3L * n);
        b.complete(n, OpType.OK, "read", Value.of(-1), 3L * n + 1);
        return b.build();
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void aSpentTimeLimitGivesUnknownWithTheReason(Algorithm a) {
        CheckReport r = Linearizability.check(manyConcurrentWritesThenAnImpossibleRead(22), Models.byName("register"),
                CheckOptions.defaults().withAlgorithm(a).withTimeLimit(Duration.ofMillis(100)));
        Verdict.Unknown u = assertInstanceOf(Verdict.Unknown.class, r.verdict());
        assertTrue(u.reason().contains("time limit of 100 ms reached"), u.reason());
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void aSpentMemoryBudgetGivesUnknownWithTheReason(Algorithm a) {
        CheckReport r = Linearizability.check(manyConcurrentWritesThenAnImpossibleRead(22), Models.byName("register"),
                CheckOptions.defaults().withAlgorithm(a).withMemoryBudget(2L << 20));
        Verdict.Unknown u = assertInstanceOf(Verdict.Unknown.class, r.verdict());
        assertTrue(u.reason().contains("memory budget of 2 MiB reached"), u.reason());
    }

    @Test
    void aSmallerVersionOfTheHardHistoryIsDecidedInvalid() {
        CheckReport r = Linearizability.check(manyConcurrentWritesThenAnImpossibleRead(8), Models.byName("register"));
        Counterexample c = assertInstanceOf(Verdict.Invalid.class, r.verdict()).counterexample();
        assertEquals("read", c.operation().f());
        assertEquals(8, c.linearized().size());
        assertTrue(c.explanation().contains("read -1"), c.explanation());
        assertEquals(9, r.operations());
    }

    private static History twoKeys(String readOfB) {
        HistoryBuilder b = new HistoryBuilder();
        b.invoke(0, "put", Value.vec(Value.of("a"), Value.of("1")), 0);
        b.invoke(1, "append", Value.vec(Value.of("b"), Value.of("x")), 1);
        b.complete(0, OpType.OK, "put", Value.vec(Value.of("a"), Value.of("1")), 2);
        b.complete(1, OpType.OK, "append", Value.vec(Value.of("b"), Value.of("x")), 3);
        b.invoke(0, "get", Value.vec(Value.of("a"), Value.NIL), 4);
        b.invoke(1, "get", Value.vec(Value.of("b"), Value.NIL), 5);
        b.complete(0, OpType.OK, "get", Value.vec(Value.of("a"), Value.of("1")), 6);
        b.complete(1, OpType.OK, "get", Value.vec(Value.of("b"), Value.of(readOfB)), 7);
        return b.build();
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void keyedModelsAreCheckedPerKeyAndTheCounterexampleNamesTheKey(Algorithm a) {
        CheckOptions o = CheckOptions.defaults().withAlgorithm(a);
        CheckReport good = Linearizability.check(twoKeys("x"), Models.byName("kv"), o);
        assertEquals(Outcome.VALID, good.outcome());
        assertEquals(List.of(Value.of("a"), Value.of("b")), good.keys().stream().map(KeyResult::key).toList());
        assertEquals(List.of(2, 2), good.keys().stream().map(KeyResult::operations).toList());

        CheckReport bad = Linearizability.check(twoKeys("xx"), Models.byName("kv"), o.withThreads(1));
        Counterexample c = assertInstanceOf(Verdict.Invalid.class, bad.verdict()).counterexample();
        assertEquals(Optional.of(Value.of("b")), c.key());
        assertEquals(7, c.operation().completion().orElseThrow().index());
        assertEquals(List.of(Value.of("x")), c.states().stream()
                .map(s -> ((java.util.Map<?, ?>) s).get(Value.of("b"))).toList());
    }

    @Test
    void withoutSplittingTheKeyedHistoryGetsTheSameVerdict() {
        CheckOptions whole = CheckOptions.defaults().withPartition(false);
        assertEquals(Outcome.VALID, Linearizability.check(twoKeys("x"), Models.byName("kv"), whole).outcome());
        CheckReport bad = Linearizability.check(twoKeys("xx"), Models.byName("kv"), whole);
        assertEquals(Outcome.INVALID, bad.outcome());
        assertTrue(bad.keys().isEmpty());
    }

    @Test
    void aMalformedKeyedHistoryNamesTheOp() {
        HistoryBuilder b = new HistoryBuilder();
        b.invoke(0, "put", Value.of("no key"), 0);
        HistoryException e = assertThrows(HistoryException.class,
                () -> Linearizability.check(b.build(), Models.byName("kv")));
        assertEquals(0, e.opIndex());
    }

    @Test
    void anIndeterminateWriteMayTakeEffectLongAfterItsInvocation() {
        HistoryBuilder b = new HistoryBuilder();
        b.invoke(0, "write", Value.of(1), 0);
        b.complete(0, OpType.INFO, "write", Value.of(1), 1);
        b.invoke(1, "read", Value.NIL, 2);
        b.complete(1, OpType.OK, "read", Value.NIL, 3);
        b.invoke(1, "read", Value.NIL, 4);
        b.complete(1, OpType.OK, "read", Value.of(1), 5);
        for (Algorithm a : Algorithm.values()) {
            assertEquals(Outcome.VALID, Linearizability.check(b.build(), Models.byName("cas-register-etcd"),
                    CheckOptions.defaults().withAlgorithm(a)).outcome(), a::name);
        }
    }

    @Test
    void aUserModelInAFewLinesWorks() {
        Model<Long> counter = new Model<>() {
            public String name() {
                return "counter";
            }

            public Long initial() {
                return 0L;
            }

            public Set<String> functions() {
                return Set.of("incr", "read");
            }

            public Step<Long> step(Long n, Operation op) {
                if (op.f().equals("incr")) {
                    return Step.ok(n + 1);
                }
                return op.value().isNil() || op.value().equals(Value.of(n)) ? Step.ok(n)
                        : Step.inconsistent(() -> "read " + op.value() + " but counter is " + n);
            }
        };
        HistoryBuilder b = new HistoryBuilder();
        b.invoke(0, "incr", Value.NIL, 0);
        b.invoke(1, "incr", Value.NIL, 1);
        b.invoke(2, "read", Value.NIL, 2);
        b.complete(2, OpType.OK, "read", Value.of(1), 3);
        b.complete(0, OpType.OK, "incr", Value.NIL, 4);
        b.complete(1, OpType.OK, "incr", Value.NIL, 5);
        b.invoke(2, "read", Value.NIL, 6);
        b.complete(2, OpType.OK, "read", Value.of(1), 7);
        CheckReport r = Linearizability.check(b.build(), counter);
        Counterexample c = assertInstanceOf(Verdict.Invalid.class, r.verdict()).counterexample();
        assertEquals(6, c.operation().invocation().index());
        assertEquals(List.of(2L), c.states());
    }
}
