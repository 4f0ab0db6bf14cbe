package io.faultline.models.kafka.workload;

import io.faultline.checker.history.Value;
import io.faultline.checker.log.KafkaOps;
import io.faultline.models.kafka.rules.AbortedTxn;
import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.models.kafka.wire.KafkaMessage.FetchResult;

import java.util.ArrayList;
import java.util.List;

/**
 * What a consumer hands its application from one fetch answer: at most {@code budget} records
 * ({@code max.poll.records} across a poll's partitions), as reads at their offsets, and where its
 * position goes next. Control records (transaction markers) are never handed out, and a
 * read_committed fetch's aborted records are dropped (KIP-98, FIDELITY C12.5); the cleaner's gaps are
 * passed over, not read: on a compacted topic offsets are not contiguous (FIDELITY C8.4). The position
 * moves past all three.
 *
 * @param reads     the records handed out
 * @param next      the position after the last record examined
 * @param lastEpoch the leader epoch of the last record examined, -1 if none
 */
record FetchedRecords(List<KafkaOps.Read> reads, long next, int lastEpoch) {
    static FetchedRecords take(FetchResult r, int budget) {
        List<KafkaOps.Read> out = new ArrayList<>();
        long o = r.fetchOffset();
        int epoch = -1;
        for (LogRecord rec : r.records()) {
            if (out.size() == budget) {
                break;
            }
            if (rec.readable() && !rec.control() && !aborted(r.aborted(), rec, o)) {
                out.add(new KafkaOps.Read(o, Value.of(rec.value())));
            }
            epoch = rec.epoch();
            o++;
        }
        return new FetchedRecords(out, o, epoch);
    }

    private static boolean aborted(List<AbortedTxn> aborted, LogRecord r, long offset) {
        for (AbortedTxn a : aborted) {
            if (a.covers(r, offset)) {
                return true;
            }
        }
        return false;
    }
}
