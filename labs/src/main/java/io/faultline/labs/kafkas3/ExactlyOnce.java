package io.faultline.labs.kafkas3;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.log.KafkaOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The judgement of lab 4, from what a client could observe: the producers' acknowledged sends
 * (partition and offset, from the history) against the records in S3's objects at the end (the
 * auditor's last complete read of the bucket). A record sent without an acknowledgement may or may
 * not be in the log, so only its duplicates count.
 */
final class ExactlyOnce {
    /** A record's place in the topic. */
    record Place(int partition, long offset) implements Comparable<Place> {
        @Override
        public int compareTo(Place o) {
            return partition != o.partition ? Integer.compare(partition, o.partition) : Long.compare(offset, o.offset);
        }

        @Override
        public String toString() {
            return "p" + partition + "@" + offset;
        }
    }

    private static final int SHOWN = 5;

    private ExactlyOnce() {
    }

    /** Where the acknowledged sends landed. */
    static TreeSet<Place> acknowledged(History h) {
        TreeSet<Place> out = new TreeSet<>();
        for (Op op : h.ops()) {
            if (op.type() == OpType.OK && op.f().equals(KafkaOps.SEND)) {
                for (KafkaOps.Send s : KafkaOps.sends(op)) {
                    if (s.key() instanceof Value.Int p && s.offset().isPresent()) {
                        out.add(new Place((int) p.value(), s.offset().getAsLong()));
                    }
                }
            }
        }
        return out;
    }

    /** The last acknowledged record of each partition. */
    static List<Place> lastOfEachPartition(TreeSet<Place> acked) {
        Map<Integer, Place> last = new TreeMap<>();
        acked.forEach(p -> last.put(p.partition(), p));
        return List.copyOf(last.values());
    }

    /** The objects holding each record. */
    static SortedMap<Place, List<String>> holders(SortedMap<String, String> objects) {
        SortedMap<Place, List<String>> out = new TreeMap<>();
        Auditor.records(objects).forEach((key, records) -> records.forEach(r ->
                out.computeIfAbsent(new Place(r.partition(), r.offset()), p -> new ArrayList<>()).add(key)));
        return out;
    }

    /** What is wrong with no loss: acknowledged records in no object. */
    static Optional<String> lost(TreeSet<Place> acked, SortedMap<String, String> objects) {
        SortedMap<Place, List<String>> held = holders(objects);
        List<Place> lost = acked.stream().filter(p -> !held.containsKey(p)).toList();
        if (lost.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(lost.size() + " of " + acked.size() + " acknowledged records are in no S3 object, e.g. "
                + lost.subList(0, Math.min(SHOWN, lost.size())));
    }

    /** What is wrong with no duplicate: records held twice, by the objects that hold them. */
    static Optional<String> duplicated(SortedMap<String, String> objects) {
        List<String> twice = new ArrayList<>();
        int count = 0;
        for (Map.Entry<Place, List<String>> e : holders(objects).entrySet()) {
            if (e.getValue().size() > 1) {
                count++;
                if (twice.size() < SHOWN) {
                    twice.add(e.getKey() + " in " + e.getValue());
                }
            }
        }
        return count == 0 ? Optional.empty() : Optional.of(count + " records are in S3 more than once, e.g. " + twice);
    }
}
