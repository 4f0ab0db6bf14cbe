package io.faultline.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Cases 1-3 of issue #8 and the consumer-group cases 5-6 of issue #16, each on the model
 * ({@code kafka.version=4.0}) and on one real Kafka 4.3 cluster started once for the class with
 * {@code replica.lag.time.max.ms=3000}; each case has its own topic (and group). The cluster is closed after the class even when a case fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaConformanceTest extends RealClusterTest {
    static final long LAG_MS = 3000;

    KafkaConformanceTest() {
        super(LAG_MS);
    }

    private static <K, V> List<java.util.Map.Entry<K, V>> inOrder(java.util.Map<K, V> m) {
        return new ArrayList<>(m.entrySet());
    }

    private static List<String> notes(Conformance.Both b) {
        List<String> out = new ArrayList<>(b.model().notes());
        out.addAll(b.real().notes());
        return out;
    }

    @Test
    @Order(1)
    void noFaultsSameRecordsAtSameOffsets() throws Exception {
        Workload w = Cases.noFaults(LAG_MS);
        Conformance.Both b = Conformance.both(cluster, w);
        boolean same = inOrder(b.model().acked()).equals(inOrder(b.real().acked()))
                && b.model().reads().equals(b.real().reads());
        Conformance.record(w, "no faults (FIDELITY C1)", b,
                same ? "agree: same records at the same offsets in the same order; reads below the HW on both"
                        : "DISAGREE on offsets or reads", true,
                Conformance.command(getClass(), "noFaultsSameRecordsAtSameOffsets"), notes(b));
        assertEquals(20, b.model().acked().size());
        assertEquals(inOrder(b.model().acked()), inOrder(b.real().acked()), "acknowledged value -> offset, in order");
        assertEquals(b.model().reads(), b.real().reads(), "records read back, in order");
        assertTrue(b.model().readsBoundedByHw() && b.real().readsBoundedByHw(), "reads bounded by the HW");
        assertEquals("VALID", b.model().verdict());
        assertEquals("VALID", b.real().verdict());
    }

    @Test
    @Order(2)
    void stalledFollowersShrinkTheIsrAndAcksAllIsRefused() throws Exception {
        Workload w = Cases.isrShrink(LAG_MS);
        Conformance.Both b = Conformance.both(cluster, w);
        List<String> modelSends = b.model().sends().stream().map(s -> s.type() + " " + s.error()).toList();
        List<String> realSends = b.real().sends().stream().map(s -> s.type() + " " + s.error()).toList();
        boolean same = modelSends.equals(realSends) && b.model().smallestIsrSeen() == 1
                && b.real().smallestIsrSeen() == 1;
        Conformance.record(w, "followers stalled past replica.lag.time.max.ms, acks=all, min.insync.replicas=2"
                        + " (FIDELITY C1, C3)", b,
                same ? "agree: the ISR shrinks to the leader; the send made while the followers lag times out"
                        + " (unknown); the next is refused with NOT_ENOUGH_REPLICAS"
                        : "DISAGREE: model " + modelSends + " vs real " + realSends, true,
                Conformance.command(getClass(), "stalledFollowersShrinkTheIsrAndAcksAllIsRefused"), notes(b));
        for (CaseOutcome o : List.of(b.model(), b.real())) {
            assertTrue(o.isr().get(0).reached(), o.side() + ": the ISR shrank to the leader: " + o.isr());
            assertEquals(1, o.isr().get(0).isr().size(), o.side() + " ISR " + o.isr());
            CaseOutcome.Send last = o.sends().get(o.sends().size() - 1);
            assertEquals("fail", last.type(), o.side() + ": " + last);
            assertEquals("NOT_ENOUGH_REPLICAS", last.error(), o.side() + ": " + last);
            assertEquals("VALID", o.verdict(), o.side() + " " + o.anomalies());
        }
        assertEquals(modelSends, realSends, "every send's outcome and error");
        assertEquals(inOrder(b.model().acked()), inOrder(b.real().acked()));
    }

    @Test
    @Order(3)
    void safeConfigurationSurvivesALeaderRestart() throws Exception {
        Workload w = Cases.safeRestart(LAG_MS);
        Conformance.Both b = Conformance.both(cluster, w);
        boolean same = b.model().verdict().equals("VALID") && b.real().verdict().equals("VALID")
                && b.model().lostAcked().isEmpty() && b.real().lostAcked().isEmpty();
        Conformance.record(w, "safe configuration (acks=all, min.insync.replicas=2, RF 3, no unclean election),"
                        + " leader stopped and restarted (FIDELITY F7)", b,
                same ? "agree: no acknowledged write lost, no anomaly" : "DISAGREE or anomaly", true,
                Conformance.command(getClass(), "safeConfigurationSurvivesALeaderRestart"), notes(b));
        for (CaseOutcome o : List.of(b.model(), b.real())) {
            assertTrue(o.isr().stream().allMatch(CaseOutcome.IsrSeen::reached), o.side() + " " + o.isr());
            assertEquals(30, o.acked().size(), o.side() + ": every send acknowledged " + o.sends());
            assertEquals(List.of(), o.lostAcked(), o.side());
            assertEquals("VALID", o.verdict(), o.side() + " " + o.anomalies());
            assertTrue(o.readsBoundedByHw(), o.side());
        }
    }

    @Test
    @Order(4)
    void aMemberLeavesAndTheGroupRebalancesTheSameWay() throws Exception {
        GroupCase c = GroupCases.memberLeaves(LAG_MS);
        Conformance.BothGroups b = Conformance.both(cluster, c);
        Conformance.record(c, "consumer group of 3 on 4 partitions, range assignor, commitSync; one member leaves"
                        + " (close, LeaveGroup) and the group rebalances (FIDELITY C7.2, C7.3)", b,
                b.agree() ? "agree: the same assignments before and after, the same records to the same members,"
                        + " none lost, none handed out twice" : "DISAGREE on assignments, deliveries or commits",
                Conformance.command(getClass(), "aMemberLeavesAndTheGroupRebalancesTheSameWay"));
        for (GroupOutcome o : List.of(b.model(), b.real())) {
            assertEquals(2, o.assignments().size(), o.side() + " " + o.notes());
            assertEquals(List.of(), o.lost(), o.side());
            assertEquals(List.of(), o.duplicates(), o.side());
        }
        assertEquals(b.model().assignments(), b.real().assignments(), "partition -> member, before and after");
        assertEquals(b.model().deliveries(), b.real().deliveries(), "records handed to each member");
        assertEquals(b.model().committed(), b.real().committed(), "committed offsets");
    }

    @Test
    @Order(5)
    void committedOffsetsSurviveACoordinatorRestart() throws Exception {
        GroupCase c = GroupCases.coordinatorRestart(LAG_MS);
        Conformance.BothGroups b = Conformance.both(cluster, c);
        Conformance.record(c, "a member commits and leaves; the group coordinator's broker is stopped and started;"
                        + " a new member resumes (FIDELITY C7.6)", b,
                b.agree() ? "agree: the new member resumes at the committed offsets and is handed exactly the"
                        + " records written after them" : "DISAGREE on deliveries or commits",
                Conformance.command(getClass(), "committedOffsetsSurviveACoordinatorRestart"));
        for (GroupOutcome o : List.of(b.model(), b.real())) {
            assertEquals(java.util.stream.LongStream.rangeClosed(21, 40).boxed().toList(), o.deliveries().get("m2"),
                    o.side() + " " + o.notes());
            assertEquals(List.of(), o.duplicates(), o.side());
        }
        assertEquals(b.model().observable(), b.real().observable(), "assignments, deliveries, commits");
    }
}
