package io.faultline.report.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.Value;
import io.faultline.report.MessageArrow;
import io.faultline.sim.Trace;

class RunReportsTest {

    @Test
    void messagesAreInSendOrderAndLostOnesSayWhy() {
        List<MessageArrow> m = RunReports.messages(List.of(
                new Trace.MessageEvent(50, 60, "n1", "n2", "B", Trace.Fate.DELIVERED),
                new Trace.MessageEvent(10, 70, "n2", "n1", "A", Trace.Fate.DELIVERED),
                new Trace.MessageEvent(20, 20, "n1", "n3", "C", Trace.Fate.CUT)));
        assertEquals(List.of("A", "C [cut by a partition]", "B"), m.stream().map(MessageArrow::label).toList());
        assertEquals(OptionalLong.empty(), m.get(1).deliveredNanos());
        assertEquals(OptionalLong.of(70), m.get(0).deliveredNanos());
    }

    @Test
    void historiesAreCountedByTypeAndProcess() {
        History h = History.of(List.of(
                Op.invoke(0, 1, "write", Value.of(1)), Op.ok(1, 1, "write", Value.of(1)),
                Op.invoke(2, 2, "read", Value.NIL), Op.info(3, 2, "read", Value.NIL)));
        io.faultline.report.Table t = RunReports.histories(java.util.Map.of("register", h));
        assertEquals(List.of(List.of("register", "4", "2", "2", "1", "0", "1")), t.rows());
    }

    @Test
    void hostsAreInNaturalOrder() {
        List<MessageArrow> m = List.of(
                new MessageArrow("n10", "n2", 0, OptionalLong.empty(), ""),
                new MessageArrow("c1", "n1", 0, OptionalLong.empty(), ""));
        assertEquals(List.of("c1", "n1", "n2", "n10"), RunReports.hosts(m, List.of()));
    }
}
