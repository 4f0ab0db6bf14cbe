package io.faultline.models.kafka.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * What a partition leader derives from its log for transactions (KIP-98, FIDELITY C12.3): the
 * first offset of each producer's open transaction (data records with no marker after them yet),
 * hence the last stable offset; the aborted-transaction index; and the highest producer epoch
 * seen per producer id, which fences a zombie's late writes (C12.1). Everything is recomputed from
 * the log alone, so a new leader after a failover knows exactly what its log holds. It follows the
 * log incrementally and starts over when the log was truncated or trimmed beneath it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TxnIndex {
    private final Map<Long, Long> openFirst = new TreeMap<>();
    private final Map<Long, Integer> epochs = new TreeMap<>();
    private final List<AbortedTxn> aborted = new ArrayList<>();
    private long start;
    private long scanned;
    private LogRecord last;

    /** Catches up with {@code log}: reads what was appended since, or everything after a truncation. */
    public void follow(ReplicaLog log) {
        boolean rewritten = scanned > log.leo() || start != log.logStartOffset()
                || (scanned > start && log.get(scanned - 1) != last);
        if (rewritten) {
            openFirst.clear();
            epochs.clear();
            aborted.clear();
            start = log.logStartOffset();
            scanned = start;
        }
        for (long o = scanned; o < log.leo(); o++) {
            LogRecord r = log.get(o);
            if (r.txn() != LogRecord.NOT_TRANSACTIONAL) {
                epochs.merge(r.producerId(), r.producerEpoch(), Math::max);
            }
            if (r.txn() == LogRecord.TRANSACTIONAL) {
                openFirst.putIfAbsent(r.producerId(), o);
            } else if (r.control()) {
                Long first = openFirst.remove(r.producerId());
                if (r.txn() == LogRecord.ABORT_MARKER && first != null) {
                    aborted.add(new AbortedTxn(r.producerId(), first, o));
                }
            }
            last = r;
        }
        scanned = log.leo();
    }

    /** The last stable offset: below the first open transaction's first record, and at most {@code hw}. */
    public long lastStableOffset(long hw) {
        long lso = hw;
        for (long first : openFirst.values()) {
            lso = Math.min(lso, first);
        }
        return lso;
    }

    /** The aborted transactions with records in [{@code from}, {@code to}). */
    public List<AbortedTxn> abortedBetween(long from, long to) {
        List<AbortedTxn> out = new ArrayList<>();
        for (AbortedTxn a : aborted) {
            if (a.lastOffset() > from && a.firstOffset() < to) {
                out.add(a);
            }
        }
        return out;
    }

    /** The highest epoch of {@code producerId} in the log, or -1. */
    public int producerEpoch(long producerId) {
        return epochs.getOrDefault(producerId, -1);
    }
}
