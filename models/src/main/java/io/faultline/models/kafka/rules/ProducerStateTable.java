package io.faultline.models.kafka.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The broker's idempotence state per producer id for one partition: the last five batches'
 * sequence numbers and offsets (FIDELITY C6, {@code ProducerStateEntry.NUM_BATCHES_TO_RETAIN = 5}).
 * A batch is known by its first and last sequence (FIDELITY C11.1). Rebuilt from the log after
 * truncation, as Kafka rebuilds it from the log's producer snapshots.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ProducerStateTable {
    /** How many batches per producer the broker remembers (C6). */
    public static final int BATCHES_TO_RETAIN = 5;

    /** One retained batch; {@code lastSequence} and {@code lastOffset} grow while it is being appended. */
    private static final class Entry {
        final int firstSequence;
        final long firstOffset;
        int lastSequence;
        boolean complete;

        Entry(int firstSequence, long firstOffset) {
            this.firstSequence = firstSequence;
            this.firstOffset = firstOffset;
            this.lastSequence = firstSequence;
        }
    }

    /**
     * Keyed by producer id and epoch: a producer that bumps its epoch (a new transactional instance,
     * FIDELITY C12.1) starts its sequences at 0 again, like a new producer.
     */
    private final Map<Pid, Deque<Entry>> byProducer = new TreeMap<>();

    private record Pid(long id, int epoch) implements Comparable<Pid> {
        @Override
        public int compareTo(Pid o) {
            int c = Long.compare(id, o.id);
            return c != 0 ? c : Integer.compare(epoch, o.epoch);
        }
    }

    /** What the broker does with an incoming idempotent batch (FIDELITY C6 rules). */
    public sealed interface Check permits Append, Duplicate, OutOfOrder {
    }

    /** The next expected sequence: append it. */
    public record Append() implements Check {
    }

    /** A retained batch sent again: acknowledge with its original offset, append nothing. */
    public record Duplicate(long offset) implements Check {
    }

    /** Not {@code lastSeq + 1} and not retained: {@code OutOfOrderSequenceException}. */
    public record OutOfOrder(int expected) implements Check {
    }

    /** The check of a batch of one record. */
    public Check check(long producerId, int sequence) {
        return check(producerId, sequence, sequence);
    }

    /** What to do with a batch of sequences {@code first..last} from {@code producerId}. */
    public Check check(long producerId, int first, int last) {
        return check(producerId, 0, first, last);
    }

    /** As above, for epoch {@code producerEpoch} of the producer. */
    public Check check(long producerId, int producerEpoch, int first, int last) {
        Deque<Entry> d = byProducer.get(new Pid(producerId, producerEpoch));
        if (d == null || d.isEmpty()) {
            // A new producer (or one whose state was truncated away) must start at 0 (C6).
            return first == 0 ? new Append() : new OutOfOrder(0);
        }
        for (Entry e : d) {
            if (e.firstSequence == first && e.lastSequence == last) {
                return new Duplicate(e.firstOffset);
            }
        }
        int expected = d.peekLast().lastSequence + 1;
        return first == expected ? new Append() : new OutOfOrder(expected);
    }

    void onAppend(LogRecord r, long offset) {
        if (!r.idempotent() || r.control()) {
            return;
        }
        Deque<Entry> d = byProducer.computeIfAbsent(new Pid(r.producerId(), r.producerEpoch()), p -> new ArrayDeque<>());
        Entry open = d.peekLast();
        if (open != null && !open.complete) {
            open.lastSequence = r.sequence();
        } else {
            open = new Entry(r.sequence(), offset);
            d.addLast(open);
            if (d.size() > BATCHES_TO_RETAIN) {
                d.removeFirst();
            }
        }
        open.complete = r.batchEnd();
    }

    /** Rebuilds the table from the log's records, the first of which has offset {@code start}. */
    void rebuild(List<LogRecord> records, long start) {
        byProducer.clear();
        for (int i = 0; i < records.size(); i++) {
            onAppend(records.get(i), start + i);
        }
        // A batch cut by truncation ends where the log ends: the next batch is a new one.
        byProducer.values().forEach(d -> d.forEach(e -> e.complete = true));
    }
}
