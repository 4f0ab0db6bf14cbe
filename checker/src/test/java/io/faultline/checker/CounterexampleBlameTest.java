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

/**
 * Which op a counterexample blames: the first to return that no linearization gets past, whatever
 * the search. WGL used to rank dead ends by depth alone, and linearizing pending (never completed)
 * ops early made a branch that stopped at a correct op look deepest (found by
 * PlantedCollectionsTest).
 */
class CounterexampleBlameTest {

    /**
     * A dequeue and an enqueue of 0 that never complete; then process 2 dequeues 0 and process 3
     * dequeues {@code last}.
     */
    private static History pendingOpsThenTwoDequeues(int last) {
        HistoryBuilder b = new HistoryBuilder();
        b.invoke(0, "dequeue", Value.NIL, 0);
        b.invoke(1, "enqueue", Value.of(0), 1);
        b.invoke(2, "dequeue", Value.NIL, 2);
        b.complete(2, OpType.OK, "dequeue", Value.of(0), 3);
        b.invoke(3, "dequeue", Value.NIL, 4);
        b.complete(3, OpType.OK, "dequeue", Value.of(last), 5);
        return b.build();
    }

    private static Counterexample blame(History h, Algorithm a) {
        CheckReport r = Linearizability.check(h, Models.byName("fifo-queue"),
                CheckOptions.defaults().withAlgorithm(a).withThreads(1));
        return assertInstanceOf(Verdict.Invalid.class, r.verdict()).counterexample();
    }

    /** Process 2's dequeue of 0 is explained (the pending enqueue then it); 1000 was never enqueued. */
    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"WGL", "LINEAR"})
    void aCorrectOpBeforeTheViolationIsNotBlamed(Algorithm a) {
        Counterexample c = blame(pendingOpsThenTwoDequeues(1000), a);
        assertEquals(3, c.operation().process(), c::toString);
        assertEquals(Value.of(1000), c.operation().value());
    }

    /** When the earlier dequeue is the impossible one, it is the one blamed. */
    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"WGL", "LINEAR"})
    void theFirstImpossibleOpIsBlamed(Algorithm a) {
        HistoryBuilder b = new HistoryBuilder();
        b.invoke(1, "enqueue", Value.of(0), 0);
        b.complete(1, OpType.OK, "enqueue", Value.of(0), 1);
        b.invoke(2, "dequeue", Value.NIL, 2);
        b.complete(2, OpType.OK, "dequeue", Value.of(5), 3);
        b.invoke(3, "dequeue", Value.NIL, 4);
        b.complete(3, OpType.OK, "dequeue", Value.of(0), 5);
        Counterexample c = blame(b.build(), a);
        assertEquals(2, c.operation().process(), c::toString);
    }
}
