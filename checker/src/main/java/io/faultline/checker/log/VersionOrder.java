package io.faultline.checker.log;

import io.faultline.checker.history.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * The log of one key as sends and polls revealed it: offset to the values seen there. Offsets are
 * compacted to dense indices (Kafka's transaction markers leave gaps, FIDELITY C10), and each value
 * gets the index of its first and of its last appearance.
 */
final class VersionOrder {
    private final TreeMap<Long, Set<Value>> byOffset = new TreeMap<>();
    private List<Set<Value>> byIndex;
    private List<Long> offsets;
    private Map<Value, Integer> first;
    private Map<Value, Integer> last;

    void add(long offset, Value value) {
        byOffset.computeIfAbsent(offset, o -> new LinkedHashSet<>()).add(value);
        byIndex = null;
    }

    private void index() {
        if (byIndex != null) {
            return;
        }
        byIndex = new ArrayList<>();
        offsets = new ArrayList<>();
        first = new LinkedHashMap<>();
        last = new LinkedHashMap<>();
        for (Map.Entry<Long, Set<Value>> e : byOffset.entrySet()) {
            int i = byIndex.size();
            byIndex.add(e.getValue());
            offsets.add(e.getKey());
            for (Value v : e.getValue()) {
                first.putIfAbsent(v, i);
                last.put(v, i);
            }
        }
    }

    /** Offsets holding more than one value: Kafka disagreed about what is there. */
    Map<Long, Set<Value>> conflicts() {
        Map<Long, Set<Value>> out = new LinkedHashMap<>();
        byOffset.forEach((o, vs) -> {
            if (vs.size() > 1) {
                out.put(o, vs);
            }
        });
        return out;
    }

    /** Values seen at more than one offset, with those offsets in order. */
    Map<Value, List<Long>> duplicates() {
        Map<Value, List<Long>> seen = new LinkedHashMap<>();
        byOffset.forEach((o, vs) -> vs.forEach(v -> seen.computeIfAbsent(v, x -> new ArrayList<>()).add(o)));
        seen.values().removeIf(l -> l.size() < 2);
        return seen;
    }

    OptionalInt firstIndex(Value v) {
        index();
        Integer i = first.get(v);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** Values whose last appearance is at an index at most {@code bound}, in index order. */
    List<Value> lastAtOrBelow(int bound) {
        index();
        List<Value> out = new ArrayList<>();
        for (int i = 0; i <= bound && i < byIndex.size(); i++) {
            for (Value v : byIndex.get(i)) {
                if (last.get(v) == i) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** One value at each index strictly between {@code from} and {@code to}. */
    List<Value> between(int from, int to) {
        index();
        List<Value> out = new ArrayList<>();
        for (int i = from + 1; i < to && i < byIndex.size(); i++) {
            out.add(byIndex.get(i).iterator().next());
        }
        return out;
    }

    /** How many distinct offsets (dense indices) the key has. */
    int size() {
        index();
        return byIndex.size();
    }

    /** The first value seen at dense index {@code index}. */
    Value valueAt(int index) {
        index();
        return byIndex.get(index).iterator().next();
    }

    Optional<Long> offsetAt(int index) {
        index();
        return index >= 0 && index < offsets.size() ? Optional.of(offsets.get(index)) : Optional.empty();
    }
}
