package io.faultline.report.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

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
    void hostsAreInNaturalOrder() {
        List<MessageArrow> m = List.of(
                new MessageArrow("n10", "n2", 0, OptionalLong.empty(), ""),
                new MessageArrow("c1", "n1", 0, OptionalLong.empty(), ""));
        assertEquals(List.of("c1", "n1", "n2", "n10"), RunReports.hosts(m, List.of()));
    }
}
