package io.faultline.checker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelsTest {

    private static Operation op(String f, Value v, OpType outcome) {
        return new Operation(0, 0, f, v, outcome, Op.invoke(0, 0, f, v), Optional.empty());
    }

    private static Operation ok(String f, Value v) {
        return op(f, v, OpType.OK);
    }

    @SuppressWarnings("unchecked")
    private static <S> Step<S> step(Model<?> m, Object state, Operation op) {
        return ((Model<S>) m).step((S) state, op);
    }

    private static Object next(Model<?> m, Object state, Operation op) {
        return assertInstanceOf(Step.Ok.class, step(m, state, op), () -> op + " in " + state).state();
    }

    private static void impossible(Model<?> m, Object state, Operation op) {
        assertInstanceOf(Step.Inconsistent.class, step(m, state, op), () -> op + " in " + state);
    }

    @Test
    void everyListedNameBuildsItsModel() {
        for (String name : Models.names()) {
            assertEquals(name, Models.byName(name).name());
        }
        assertEquals(10, Models.names().size());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.byName("regsiter"));
        assertTrue(e.getMessage().contains("'regsiter'") && e.getMessage().contains("cas-register-etcd"), e.getMessage());
    }

    @Test
    void aBadInitialStateSaysWhatShapeIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Models.byName("kv", Value.of(3)));
        assertEquals("initial state 3 for model kv must be a map", e.getMessage());
    }

    @Test
    void knossosCasRegisterTreatsANilReadAsUnknown() {
        Model<?> m = Models.byName("cas-register", Value.of(1));
        assertEquals(Value.of(1), next(m, Value.of(1), ok("read", Value.NIL)));
        impossible(m, Value.of(1), ok("read", Value.of(2)));
        assertEquals(Value.of(3), next(m, Value.of(1), ok("cas", Value.vec(Value.of(1), Value.of(3)))));
        impossible(m, Value.of(2), ok("cas", Value.vec(Value.of(1), Value.of(3))));
    }

    @Test
    void etcdCasRegisterReadsNilAsAbsentAndKeepsFailedCas() {
        Model<?> m = Models.byName("cas-register-etcd");
        assertEquals(Value.NIL, m.initial());
        impossible(m, Value.of(1), ok("read", Value.NIL));
        assertEquals(Value.NIL, next(m, Value.NIL, ok("read", Value.NIL)));
        assertEquals(Value.of(1), next(m, Value.of(1), op("read", Value.NIL, OpType.INFO)));
        Operation failedCas = op("cas", Value.vec(Value.of(1), Value.of(3)), OpType.FAIL);
        assertTrue(m.keepsFailed("cas"));
        assertEquals(Value.of(2), next(m, Value.of(2), failedCas));
        impossible(m, Value.of(1), failedCas);
    }

    @Test
    void mutexNeedsAFreeLockToAcquireAndAHeldOneToRelease() {
        Model<?> m = Models.byName("mutex");
        assertEquals(true, next(m, false, ok("acquire", Value.NIL)));
        impossible(m, true, ok("acquire", Value.NIL));
        impossible(m, false, ok("release", Value.NIL));
    }

    @Test
    void setReadsMustSeeExactlyTheElements() {
        Model<?> m = Models.byName("set");
        Object s = next(m, m.initial(), ok("add", Value.of(1)));
        s = next(m, s, ok("add", Value.of(2)));
        next(m, s, ok("read", Value.vec(Value.of(2), Value.of(1))));
        impossible(m, s, ok("read", Value.vec(Value.of(1))));
    }

    @Test
    void fifoQueueDequeuesTheHead() {
        Model<?> m = Models.byName("fifo-queue");
        Object q = next(m, m.initial(), ok("enqueue", Value.of(1)));
        q = next(m, q, ok("enqueue", Value.of(2)));
        impossible(m, q, ok("dequeue", Value.of(2)));
        impossible(m, q, ok("dequeue", Value.NIL));
        assertEquals(List.of(Value.of(2)), next(m, q, ok("dequeue", Value.of(1))));
    }

    @Test
    void unorderedQueueIsNondeterministicForAnUnknownDequeue() {
        Model<?> m = Models.byName("unordered-queue");
        Object q = next(m, m.initial(), ok("enqueue", Value.of(1)));
        q = next(m, q, ok("enqueue", Value.of(2)));
        assertEquals(Map.of(Value.of(1), 1), next(m, q, ok("dequeue", Value.of(2))));
        Step<?> any = step(m, q, op("dequeue", Value.NIL, OpType.INFO));
        assertEquals(Set.of(Map.of(Value.of(1), 1), Map.of(Value.of(2), 1)),
                assertInstanceOf(Step.AnyOf.class, any).states());
    }

    @Test
    void kvReadsEmptyStringForAMissingKeyAndAppends() {
        Model<?> m = Models.byName("kv");
        Value k = Value.of("k");
        next(m, m.initial(), ok("get", Value.vec(k, Value.of(""))));
        Object s = next(m, m.initial(), ok("append", Value.vec(k, Value.of("x"))));
        s = next(m, s, ok("append", Value.vec(k, Value.of("y"))));
        next(m, s, ok("get", Value.vec(k, Value.of("xy"))));
        impossible(m, s, ok("get", Value.vec(k, Value.of("x"))));
        assertTrue(m.partition(io.faultline.checker.history.History.empty()).isPresent());
    }

    @Test
    void s3ObjectGetOfAnAbsentKeyIsNil() {
        Model<?> m = Models.byName("s3-object");
        Value k = Value.of("photo.jpg");
        next(m, m.initial(), ok("get", Value.vec(k, Value.NIL)));
        Object s = next(m, m.initial(), ok("put", Value.vec(k, Value.of(1))));
        impossible(m, s, ok("get", Value.vec(k, Value.NIL)));
        s = next(m, s, ok("delete", Value.vec(k, Value.NIL)));
        next(m, s, ok("get", Value.vec(k, Value.NIL)));
    }

    @Test
    void s3ObjectConditionalPutsAreCompareAndSet() {
        Model<?> m = Models.byName("s3-object");
        Value k = Value.of("lock");
        Object s = next(m, m.initial(), ok("cas", Value.vec(k, Value.vec(Value.NIL, Value.of("a")))));
        next(m, s, ok("get", Value.vec(k, Value.of("a"))));
        // Two If-None-Match puts cannot both succeed: the second finds the key present.
        impossible(m, s, ok("cas", Value.vec(k, Value.vec(Value.NIL, Value.of("b")))));
        s = next(m, s, ok("cas", Value.vec(k, Value.vec(Value.of("a"), Value.of("b")))));
        impossible(m, s, ok("cas", Value.vec(k, Value.vec(Value.of("a"), Value.of("c")))));
        next(m, s, ok("get", Value.vec(k, Value.of("b"))));
    }

    @Test
    void multiRegisterTransactionsAreAtomic() {
        Model<?> m = Models.byName("multi-register");
        Value x = Value.kw("x");
        Value y = Value.kw("y");
        Object s = next(m, m.initial(), ok("txn", Value.vec(
                Value.vec(Value.kw("w"), x, Value.of(1)), Value.vec(Value.kw("w"), y, Value.of(2)))));
        next(m, s, ok("txn", Value.vec(Value.vec(Value.kw("r"), x, Value.of(1)), Value.vec(Value.kw("r"), y, Value.of(2)))));
        impossible(m, s, ok("txn", Value.vec(Value.vec(Value.kw("r"), x, Value.of(1)), Value.vec(Value.kw("r"), y, Value.of(3)))));
    }
}
