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
 * Batches are single records in this model. Rebuilt from the log after truncation, as Kafka
 * rebuilds it from the log's producer snapshots.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ProducerStateTable {
    /** How many batches per producer the broker remembers (C6). */
    public static final int BATCHES_TO_RETAIN = 5;

    private record Entry(int sequence, long offset) {
    }

    private final Map<Long, Deque<Entry>> byProducer = new TreeMap<>();

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

    public Check check(long producerId, int sequence) {
        Deque<Entry> d = byProducer.get(producerId);
        if (d == null || d.isEmpty()) {
            // A new producer (or one whose state was truncated away) must start at 0 (C6).
            return sequence == 0 ? new Append() : new OutOfOrder(0);
        }
        for (Entry e : d) {
            if (e.sequence == sequence) {
                return new Duplicate(e.offset);
            }
        }
        int last = d.peekLast().sequence;
        return sequence == last + 1 ? new Append() : new OutOfOrder(last + 1);
    }

    void onAppend(LogRecord r, long offset) {
        if (!r.idempotent()) {
            return;
        }
        Deque<Entry> d = byProducer.computeIfAbsent(r.producerId(), p -> new ArrayDeque<>());
        d.addLast(new Entry(r.sequence(), offset));
        if (d.size() > BATCHES_TO_RETAIN) {
            d.removeFirst();
        }
    }

    /** Rebuilds the table from the log's records, the first of which has offset {@code start}. */
    void rebuild(List<LogRecord> records, long start) {
        byProducer.clear();
        for (int i = 0; i < records.size(); i++) {
            onAppend(records.get(i), start + i);
        }
    }
}
