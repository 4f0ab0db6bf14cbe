package io.faultline.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.model.Models;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LinearizabilitySmokeTest {

    private static History staleRead() {
        HistoryBuilder b = new HistoryBuilder();
        b.invoke(0, "write", Value.of(1), 0);
        b.complete(0, OpType.OK, "write", Value.of(1), 1);
        b.invoke(1, "read", Value.NIL, 2);
        b.complete(1, OpType.OK, "read", Value.NIL, 3);
        b.invoke(0, "write", Value.of(2), 4);
        b.invoke(1, "read", Value.NIL, 5);
        b.complete(1, OpType.OK, "read", Value.of(2), 6);
        b.complete(0, OpType.OK, "write", Value.of(2), 7);
        b.invoke(1, "read", Value.NIL, 8);
        b.complete(1, OpType.OK, "read", Value.of(1), 9);
        return b.build();
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void readingAnOverwrittenValueAfterANewerReadIsNotLinearizable(Algorithm a) {
        CheckReport r = Linearizability.check(staleRead(), Models.byName("register"),
                CheckOptions.defaults().withAlgorithm(a));
        Verdict.Invalid inv = assertInstanceOf(Verdict.Invalid.class, r.verdict());
        assertEquals(8, inv.counterexample().operation().invocation().index());
        assertEquals(4, inv.counterexample().linearized().size());
    }
}
