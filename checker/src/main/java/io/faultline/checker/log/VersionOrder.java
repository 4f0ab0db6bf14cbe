package io.faultline.checker.log;

import io.faultline.checker.history.Value;

import java.util.ArrayList;
import java.util.Comparator;
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
 * gets the index of its first and of its last appearance. Built as ops arrive: each sighting carries
 * its rank (the op's position, then its place in the op), and the values at one offset are kept in
 * rank order, so a sighting learnt late (an info send proven committed at the end) takes the place
 * its op has in the history. The indices exist only once {@link #seal}ed: a lower offset learnt
 * later moves them.
 */
final class VersionOrder {
    /** One sighting of {@code value} at {@code offset}, by the op and micro-op of rank {@code rank}. */
    record Sighting(long offset, long rank, Value value) {
    }

    private static final Comparator<Sighting> BY_OFFSET_THEN_RANK =
            Comparator.comparingLong(Sighting::offset).thenComparingLong(Sighting::rank);

    private List<Sighting> sightings = new ArrayList<>();
    /** Sightings after the last merge of repeats; merging again when this doubles keeps the work linear. */
    private int merged = 1024;
    private long firstRank = Long.MAX_VALUE;
    private TreeMap<Long, Set<Value>> byOffset;
    private List<Set<Value>> byIndex;
    private List<Long> offsets;
    private Map<Value, Integer> first;
    private Map<Value, Integer> last;

    void add(long offset, long rank, Value value) {
        sightings.add(new Sighting(offset, rank, value));
        firstRank = Math.min(firstRank, rank);
        if (sightings.size() > 2 * merged) {
            sightings = mergeRepeats(sightings);
            merged = Math.max(1024, sightings.size());
        }
    }

    /** The rank of the earliest sighting: keys are listed in the order the history first revealed them. */
    long firstRank() {
        return firstRank;
    }

    /** A copy with these further sightings, indexed: the final order; the accumulating one is unchanged. */
    VersionOrder sealedWith(List<Sighting> late) {
        VersionOrder o = new VersionOrder();
        o.sightings = new ArrayList<>(sightings);
        o.sightings.addAll(late);
        o.seal();
        return o;
    }

    /** Each value once per offset, at its first sighting there, ordered by offset then rank. */
    private static List<Sighting> mergeRepeats(List<Sighting> all) {
        List<Sighting> sorted = new ArrayList<>(all);
        sorted.sort(BY_OFFSET_THEN_RANK);
        List<Sighting> out = new ArrayList<>(sorted.size());
        int groupStart = 0;
        for (Sighting s : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).offset() != s.offset()) {
                groupStart = out.size();
            }
            boolean repeat = false;
            for (int i = groupStart; i < out.size() && !repeat; i++) {
                repeat = out.get(i).value().equals(s.value());
            }
            if (!repeat) {
                out.add(s);
            }
        }
        return out;
    }

    private void seal() {
        byOffset = new TreeMap<>();
        for (Sighting s : mergeRepeats(sightings)) {
            byOffset.computeIfAbsent(s.offset(), o -> new LinkedHashSet<>()).add(s.value());
        }
        sightings = List.of();
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
        Integer i = first.get(v);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** Values whose last appearance is at an index at most {@code bound}, in index order. */
    List<Value> lastAtOrBelow(int bound) {
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
        List<Value> out = new ArrayList<>();
        for (int i = from + 1; i < to && i < byIndex.size(); i++) {
            out.add(byIndex.get(i).iterator().next());
        }
        return out;
    }

    /** How many distinct offsets (dense indices) the key has. */
    int size() {
        return byIndex.size();
    }

    /** The first value seen at dense index {@code index}. */
    Value valueAt(int index) {
        return byIndex.get(index).iterator().next();
    }

    Optional<Long> offsetAt(int index) {
        return index >= 0 && index < offsets.size() ? Optional.of(offsets.get(index)) : Optional.empty();
    }
}
