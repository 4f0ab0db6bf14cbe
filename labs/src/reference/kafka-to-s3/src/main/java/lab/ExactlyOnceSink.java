package lab;

import io.faultline.labs.kafkas3.SinkContext;
import io.faultline.labs.kafkas3.SinkRecord;
import io.faultline.labs.kafkas3.SinkTask;
import io.faultline.labs.s3ryw.Reply;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reference solution of lab kafka-to-s3: a chain of objects per partition, each named by the
 * offset of its first record and written with If-None-Match, and offsets committed only once the
 * object is stored. Two writers of the same records (a retry, a restarted member, the new owner
 * after a rebalance, a zombie) aim at the same name, so one wins and the other reads what won and
 * goes on after its last record: every record lands in exactly one object.
 */
public final class ExactlyOnceSink implements SinkTask {
    private static final long RETRY_MS = 200;

    private final SinkContext ctx;
    private final Set<Integer> owned = new TreeSet<>();
    /** Per partition, the offset below which every record is known to be stored. */
    private final Map<Integer, Long> stored = new TreeMap<>();

    public ExactlyOnceSink(SinkContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void onAssigned(List<Integer> partitions) {
        owned.addAll(partitions);
    }

    @Override
    public void onRevoked(List<Integer> partitions) {
        owned.removeAll(partitions);
    }

    @Override
    public void onPoll(List<SinkRecord> records, Runnable pollAgain) {
        Map<Integer, List<SinkRecord>> byPartition = new TreeMap<>();
        for (SinkRecord r : records) {
            byPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r);
        }
        writeAll(byPartition.entrySet().iterator(), pollAgain);
    }

    /** Writes one partition's records after the other, then polls again. */
    private void writeAll(Iterator<Map.Entry<Integer, List<SinkRecord>>> next, Runnable pollAgain) {
        if (!next.hasNext()) {
            pollAgain.run();
            return;
        }
        Map.Entry<Integer, List<SinkRecord>> e = next.next();
        write(e.getKey(), e.getValue(), () -> writeAll(next, pollAgain));
    }

    private void write(int partition, List<SinkRecord> batch, Runnable then) {
        long from = stored.getOrDefault(partition, 0L);
        List<SinkRecord> records = batch.stream().filter(r -> r.offset() >= from).toList();
        if (records.isEmpty() || !owned.contains(partition)) {
            then.run(); // stored already, or no longer ours: the new owner goes on from the committed offset
            return;
        }
        String key = key(partition, records.get(0).offset());
        ctx.s3().putIfAbsent(key, SinkRecord.encode(records), r -> {
            if (r instanceof Reply.Ok<String>) {
                storedUpTo(partition, records.get(records.size() - 1).offset() + 1, then);
            } else if (r instanceof Reply.Failed<String> f && f.reason().equals("PreconditionFailed")) {
                adopt(partition, key, batch, then);
            } else {
                // No answer, or an error: the same name and body again, so a retry cannot duplicate.
                ctx.after(RETRY_MS, () -> write(partition, batch, then));
            }
        });
    }

    /** An object already starts here (an earlier attempt's): its records are stored; write the rest. */
    private void adopt(int partition, String key, List<SinkRecord> batch, Runnable then) {
        ctx.s3().get(key, r -> {
            if (r instanceof Reply.Ok<String> ok) {
                List<SinkRecord> there = SinkRecord.decode(ok.value());
                long end = there.get(there.size() - 1).offset() + 1;
                stored.merge(partition, end, Math::max);
                write(partition, batch, then);
            } else {
                ctx.after(RETRY_MS, () -> write(partition, batch, then));
            }
        });
    }

    /** Records below {@code end} are in S3: only now may the group skip them. */
    private void storedUpTo(int partition, long end, Runnable then) {
        stored.merge(partition, end, Math::max);
        ctx.commit(Map.of(partition, end), accepted -> then.run());
    }

    private static String key(int partition, long firstOffset) {
        return String.format("topic/p%d/%012d", partition, firstOffset);
    }
}
