package io.faultline.report.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.faultline.report.FaultSpan;
import io.faultline.sim.Trace.FaultEvent;

class FaultSpansTest {

    @Test
    void crashLastsUntilRestartAndPartitionUntilHeal() {
        List<FaultSpan> spans = FaultSpans.from(List.of(
                new FaultEvent(10, "", "partition [n1] | [n2, n3]"),
                new FaultEvent(20, "n2", "crash"),
                new FaultEvent(25, "n1", "clock jump 5000ns"),
                new FaultEvent(30, "n2", "restart"),
                new FaultEvent(40, "", "heal all")), 100);
        assertEquals(List.of(
                new FaultSpan("network", "partition [n1] | [n2, n3]", 10, 40),
                new FaultSpan("n2", "crashed", 20, 30),
                new FaultSpan("n1", "clock jump 5µs", 25, 25)), spans);
    }

    @Test
    void faultsStillActiveLastToTheEndOfTheRun() {
        List<FaultSpan> spans = FaultSpans.from(List.of(
                new FaultEvent(10, "n1", "pause"),
                new FaultEvent(50, "", "cut n1 <-> n2")), 100);
        assertEquals(List.of(new FaultSpan("n1", "paused", 10, 100), new FaultSpan("network", "cut n1 <-> n2", 50, 100)),
                spans);
    }

    @Test
    void healOfOneLinkEndsOnlyItsCut() {
        List<FaultSpan> spans = FaultSpans.from(List.of(
                new FaultEvent(10, "", "cut n1 <-> n2"),
                new FaultEvent(11, "", "cut n2 -> n3"),
                new FaultEvent(20, "", "heal n2 <-> n1")), 100);
        assertEquals(List.of(new FaultSpan("network", "cut n1 <-> n2", 10, 20), new FaultSpan("network", "cut n2 -> n3", 11, 100)),
                spans);
    }
}
