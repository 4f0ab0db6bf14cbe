package io.faultline.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import org.junit.jupiter.api.Test;

/** The code of docs/getting-started.adoc, compiled and run by the build. */
class GettingStartedExampleTest {

    @Test
    void recordsAHistory() {
        // tag::history[]
        HistoryBuilder h = new HistoryBuilder();
        h.invoke(0, "write", Value.of(1), 10);          // process 0 starts writing 1
        h.invoke(1, "read", Value.NIL, 15);             // process 1 starts a read
        h.complete(0, OpType.OK, "write", Value.of(1), 20);
        h.complete(1, OpType.OK, "read", Value.of(1), 25);
        History history = h.build();
        // end::history[]
        assertEquals(4, history.size());
        assertEquals(OpType.OK, history.get(3).type());
    }
}
