package io.faultline.models.kafka.server.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The partition assignors (FIDELITY C7.3), computed by the coordinator from the members in their
 * assignor's order; Kafka runs the same deterministic function on the group leader.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Assignor {
    private Assignor() {
    }

    /**
     * RangeAssignor: member {@code i} (members sorted) gets a contiguous range; the first
     * {@code n % m} members get one partition more.
     */
    public static Map<String, List<Integer>> range(List<String> members, int partitions) {
        Map<String, List<Integer>> out = new TreeMap<>();
        int m = members.size();
        for (int i = 0; i < m; i++) {
            int per = partitions / m;
            int start = i * per + Math.min(i, partitions % m);
            int len = per + (i < partitions % m ? 1 : 0);
            List<Integer> ps = new ArrayList<>();
            for (int p = start; p < start + len; p++) {
                ps.add(p);
            }
            out.put(members.get(i), ps);
        }
        return out;
    }

    /**
     * The sticky target of CooperativeStickyAssignor: balanced (sizes differ by at most one), and each
     * member keeps as much of what it {@code owned} as balance allows; the rest goes to the least
     * loaded member (ties: member order).
     */
    public static Map<String, List<Integer>> sticky(List<String> members, Map<String, List<Integer>> owned, int partitions) {
        int m = members.size();
        int min = partitions / m;
        int bigger = partitions % m;
        Map<String, List<Integer>> out = new TreeMap<>();
        boolean[] taken = new boolean[partitions];
        for (String id : members) {
            List<Integer> keep = new ArrayList<>();
            for (int p : owned.getOrDefault(id, List.of())) {
                if (p < partitions && !taken[p] && keep.size() < min + (bigger > 0 ? 1 : 0)) {
                    keep.add(p);
                    taken[p] = true;
                }
            }
            if (keep.size() > min) {
                bigger--;
            }
            out.put(id, keep);
        }
        for (int p = 0; p < partitions; p++) {
            if (taken[p]) {
                continue;
            }
            String least = null;
            for (String id : members) {
                if (least == null || out.get(id).size() < out.get(least).size()) {
                    least = id;
                }
            }
            out.get(least).add(p);
        }
        out.values().forEach(l -> l.sort(Integer::compare));
        return out;
    }
}
