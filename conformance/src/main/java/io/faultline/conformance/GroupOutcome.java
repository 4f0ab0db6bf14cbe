package io.faultline.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * What one side did in a consumer-group case: each completed assignment (partition to member),
 * the values each member was handed (sorted: the order across partitions within a poll is not
 * Kafka's contract, and a value handed twice appears twice), the committed offsets after each delivery step, the values
 * acknowledged, and notes. Two sides agree when all but the notes are equal.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GroupOutcome(String side, List<Map<Integer, String>> assignments, Map<String, List<Long>> deliveries,
                           List<Map<Integer, Long>> committed, List<Long> acked, List<String> notes) {
    public GroupOutcome {
        assignments = assignments.stream().map(m -> (Map<Integer, String>) new TreeMap<>(m)).toList();
        Map<String, List<Long>> d = new TreeMap<>();
        deliveries.forEach((k, v) -> d.put(k, v.stream().sorted().toList()));
        deliveries = java.util.Collections.unmodifiableMap(d);
        committed = committed.stream().map(m -> (Map<Integer, Long>) new TreeMap<>(m)).toList();
        acked = List.copyOf(acked);
        notes = List.copyOf(notes);
    }

    /** Values handed out more than once (to one member or to several). */
    public List<Long> duplicates() {
        TreeSet<Long> seen = new TreeSet<>();
        TreeSet<Long> twice = new TreeSet<>();
        deliveries.values().forEach(vs -> vs.forEach(v -> {
            if (!seen.add(v)) {
                twice.add(v);
            }
        }));
        return new ArrayList<>(twice);
    }

    /** Acknowledged values no member was handed. */
    public List<Long> lost() {
        TreeSet<Long> got = new TreeSet<>();
        deliveries.values().forEach(got::addAll);
        return acked.stream().filter(v -> !got.contains(v)).toList();
    }

    /** Everything two sides must agree on (not the notes). */
    public List<Object> observable() {
        return List.of(assignments, deliveries, committed, acked);
    }

    public String summary() {
        StringBuilder b = new StringBuilder("assignments " + assignments + ", handed out");
        deliveries.forEach((m, vs) -> b.append(' ').append(m).append(':').append(vs.size()));
        return b + ", committed " + (committed.isEmpty() ? "{}" : committed.get(committed.size() - 1))
                + ", " + duplicates().size() + " duplicate(s), " + lost().size() + " lost";
    }
}
