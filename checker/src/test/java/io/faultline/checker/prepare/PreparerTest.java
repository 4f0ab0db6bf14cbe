package io.faultline.checker.prepare;

import io.faultline.checker.history.HistoryException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.model.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreparerTest {

    private static PreparedHistory prepare(String model, Op... ops) {
        return Preparer.prepare(History.of(List.of(ops)).ops(), Models.byName(model));
    }

    @Test
    void anOkFillsTheNilPartsOfItsInvocation() {
        PreparedHistory p = prepare("cas-register",
                Op.invoke(0, 0, "read", Value.NIL),
                Op.ok(1, 0, "read", Value.of(3)));
        assertEquals(Value.of(3), p.operations().get(0).value());
        assertEquals(OpType.OK, p.operations().get(0).outcome());

        PreparedHistory kv = prepare("kv",
                Op.invoke(0, 0, "get", Value.vec(Value.of("k"), Value.NIL)),
                Op.ok(1, 0, "get", Value.vec(Value.of("k"), Value.of("xy"))));
        assertEquals(Value.vec(Value.of("k"), Value.of("xy")), kv.operations().get(0).value());
    }

    @Test
    void aKnownValueOfTheInvocationIsKept() {
        PreparedHistory p = prepare("register",
                Op.invoke(0, 0, "write", Value.of(1)),
                Op.ok(1, 0, "write", Value.of(2)));
        assertEquals(Value.of(1), p.operations().get(0).value());
    }

    @Test
    void aFailedOperationDidNotHappenAndIsDropped() {
        PreparedHistory p = prepare("cas-register",
                Op.invoke(0, 0, "cas", Value.vec(Value.of(1), Value.of(2))),
                Op.fail(1, 0, "cas", Value.vec(Value.of(1), Value.of(2))),
                Op.invoke(2, 0, "read", Value.NIL),
                Op.ok(3, 0, "read", Value.NIL));
        assertEquals(1, p.size());
        assertEquals("read", p.operations().get(0).f());
        assertEquals(2, p.eventCount());
    }

    @Test
    void theEtcdFlavourKeepsAFailedCasAsAConstraint() {
        PreparedHistory p = prepare("cas-register-etcd",
                Op.invoke(0, 0, "cas", Value.vec(Value.of(1), Value.of(2))),
                Op.fail(1, 0, "cas", Value.vec(Value.of(1), Value.of(2))));
        assertEquals(1, p.size());
        assertEquals(OpType.FAIL, p.operations().get(0).outcome());
        assertFalse(p.isCall(1));
    }

    @Test
    void infoAndUnfinishedOperationsHaveNoReturn() {
        PreparedHistory p = prepare("register",
                Op.invoke(0, 0, "write", Value.of(1)),
                Op.invoke(1, 1, "write", Value.of(2)),
                Op.info(2, 0, "write", Value.of(1)),
                Op.invoke(3, 2, "read", Value.NIL),
                Op.ok(4, 2, "read", Value.of(1)));
        assertEquals(3, p.size());
        assertTrue(p.operations().get(0).isIndeterminate());
        assertTrue(p.operations().get(1).isIndeterminate());
        assertTrue(p.operations().get(1).completion().isEmpty());
        assertEquals(4, p.eventCount());   // three calls and the read's return
        assertEquals(2, p.opOf(3));
        assertFalse(p.isCall(3));
    }

    @Test
    void aCompletionWithoutInvocationNamesTheOp() {
        HistoryException e = assertThrows(HistoryException.class, () -> prepare("register",
                Op.invoke(0, 0, "write", Value.of(1)),
                Op.ok(1, 0, "write", Value.of(1)),
                Op.ok(2, 0, "write", Value.of(1))));
        assertEquals(2, e.opIndex());
        assertTrue(e.getMessage().startsWith("op 2: "), e.getMessage());
        assertTrue(e.getMessage().contains("without a pending invocation"), e.getMessage());
    }

    @Test
    void twoInvocationsOnOneProcessNameTheSecond() {
        HistoryException e = assertThrows(HistoryException.class, () -> prepare("register",
                Op.invoke(0, 3, "write", Value.of(1)),
                Op.invoke(1, 3, "read", Value.NIL)));
        assertEquals(1, e.opIndex());
        assertTrue(e.getMessage().contains("op 0"), e.getMessage());
    }

    @Test
    void aCompletionOfAnotherFunctionIsAnError() {
        HistoryException e = assertThrows(HistoryException.class, () -> prepare("register",
                Op.invoke(0, 0, "write", Value.of(1)),
                Op.ok(1, 0, "read", Value.of(1))));
        assertEquals(1, e.opIndex());
        assertTrue(e.getMessage().contains(":read") && e.getMessage().contains(":write"), e.getMessage());
    }

    @Test
    void anUnknownFunctionListsTheAllowedOnes() {
        HistoryException e = assertThrows(HistoryException.class, () -> prepare("cas-register",
                Op.invoke(0, 0, "incr", Value.NIL)));
        assertEquals("op 0: model cas-register has no operation :incr; allowed: cas, read, write", e.getMessage());
    }
}
