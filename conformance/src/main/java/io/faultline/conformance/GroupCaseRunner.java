package io.faultline.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Runs a {@link GroupCase}'s steps on one {@link GroupDriver}. Values sent are 1, 2, 3, ... in
 * order on both sides, value {@code v} to partition {@code (v - 1) % partitions}, so the two
 * outcomes can be compared value by value and member by member.
 *
 * <pre>{@code
 * GroupOutcome model = GroupCaseRunner.run(c, new ModelGroupDriver(seed, c));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GroupCaseRunner {
    private GroupCaseRunner() {
    }

    /**
     * Partition to owner when a rebalance has completed: the live members' {@code owned} partitions
     * are disjoint, none is empty, and together they cover all {@code partitions}.
     */
    public static java.util.Optional<Map<Integer, String>> completed(Map<String, ? extends java.util.Collection<Integer>> owned,
                                                                     int partitions) {
        Map<Integer, String> owner = new TreeMap<>();
        for (Map.Entry<String, ? extends java.util.Collection<Integer>> e : owned.entrySet()) {
            if (e.getValue().isEmpty()) {
                return java.util.Optional.empty();
            }
            for (int p : e.getValue()) {
                if (owner.put(p, e.getKey()) != null) {
                    return java.util.Optional.empty();
                }
            }
        }
        return owner.size() == partitions ? java.util.Optional.of(owner) : java.util.Optional.empty();
    }

    public static GroupOutcome run(GroupCase c, GroupDriver d) {
        List<Map<Integer, String>> assignments = new ArrayList<>();
        List<Map<Integer, Long>> committed = new ArrayList<>();
        List<Long> acked = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<Integer, Long> ends = new TreeMap<>();
        long nextValue = 1;
        for (GroupStep step : c.steps()) {
            if (step instanceof GroupStep.Produce p) {
                for (int i = 0; i < p.records(); i++) {
                    long v = nextValue++;
                    int partition = c.partitionOf(v);
                    if (d.send(partition, v)) {
                        acked.add(v);
                        ends.merge(partition, 1L, Long::sum);
                    } else {
                        notes.add(d.side() + ": send " + v + " was not acknowledged");
                    }
                }
            } else if (step instanceof GroupStep.Start s) {
                d.start(s.member());
            } else if (step instanceof GroupStep.AwaitAssignment) {
                assignments.add(d.awaitAssignment().orElseGet(() -> {
                    notes.add(d.side() + ": no completed assignment in time");
                    return Map.of();
                }));
            } else if (step instanceof GroupStep.AwaitDelivered) {
                if (!d.awaitDelivered(new TreeSet<>(acked), ends)) {
                    notes.add(d.side() + ": not every record was handed out and committed in time");
                }
                committed.add(d.committed());
            } else if (step instanceof GroupStep.Leave l) {
                d.leave(l.member());
            } else if (step instanceof GroupStep.RestartCoordinator) {
                d.restartCoordinator();
            }
        }
        notes.addAll(d.notes());
        return new GroupOutcome(d.side(), assignments, d.deliveries(), committed, acked, notes);
    }
}
