package io.faultline.conformance;

import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.log.KafkaLogChecker;
import io.faultline.checker.log.KafkaOps;
import io.faultline.checker.log.LogCheckResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * Runs a {@link Workload}'s steps on one {@link ClusterDriver}, recording the history in Jepsen's
 * Kafka op shape ({@link KafkaOps}: {@code :assign}, {@code :send}, {@code :poll}) exactly as the
 * model's own clients do, and judges it with the same {@link KafkaLogChecker}. Values sent are 1, 2,
 * 3, ... in order on both sides, so the two outcomes can be compared value by value.
 *
 * <pre>{@code
 * CaseOutcome model = CaseRunner.run(w, new ModelDriver(seed, w));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CaseRunner {
    private static final Value PARTITION = Value.of(0);

    private CaseRunner() {
    }

    public static CaseOutcome run(Workload w, ClusterDriver d) {
        HistoryBuilder h = new HistoryBuilder();
        List<CaseOutcome.Send> sends = new ArrayList<>();
        List<CaseOutcome.Read> reads = new ArrayList<>();
        List<CaseOutcome.IsrSeen> isr = new ArrayList<>();
        long hw = -1;
        int consumer = 0;
        int producer = 1;
        int nextProcess = 2;
        long nextValue = 1;
        int stopped = -1;
        h.invoke(consumer, KafkaOps.ASSIGN, Value.vec(PARTITION), d.nowNanos());
        h.complete(consumer, OpType.OK, KafkaOps.ASSIGN, Value.vec(PARTITION), d.nowNanos());
        for (Step step : w.steps()) {
            if (step instanceof Step.Produce p) {
                for (int i = 0; i < p.records(); i++) {
                    long value = nextValue++;
                    h.invoke(producer, KafkaOps.SEND, KafkaOps.sendInvoke(PARTITION, Value.of(value)), d.nowNanos());
                    ClusterDriver.Sent s = d.send(value);
                    OptionalLong off = s.type().equals("ok") ? OptionalLong.of(s.offset()) : OptionalLong.empty();
                    h.complete(producer, type(s.type()), KafkaOps.SEND,
                            KafkaOps.sendOk(PARTITION, off, Value.of(value)), d.nowNanos());
                    sends.add(new CaseOutcome.Send(value, s.type(), s.offset(), s.error()));
                    if (s.type().equals("info")) {
                        producer = nextProcess++; // Jepsen: a process whose outcome is unknown never invokes again
                    }
                }
            } else if (step instanceof Step.StallFollowers s) {
                d.stallFollowers(s.count());
            } else if (step instanceof Step.ReleaseStalls) {
                d.releaseStalls();
            } else if (step instanceof Step.AwaitIsr a) {
                isr.add(d.awaitIsr(a.size()));
            } else if (step instanceof Step.AwaitCommitted) {
                d.awaitCommitted();
            } else if (step instanceof Step.StopLeader) {
                stopped = d.stopLeader();
            } else if (step instanceof Step.AwaitNewLeader) {
                isr.add(d.awaitNewLeader(stopped));
            } else if (step instanceof Step.RestartStopped) {
                if (stopped < 0) {
                    throw new IllegalStateException(w.topic() + ": RestartStopped before StopLeader");
                }
                d.restart(stopped);
                stopped = -1;
            } else if (step instanceof Step.ConsumeAll) {
                ClusterDriver.Consumed c = d.consumeAll();
                for (List<CaseOutcome.Read> poll : c.polls()) {
                    h.invoke(consumer, KafkaOps.POLL, KafkaOps.pollInvoke(), d.nowNanos());
                    List<KafkaOps.Read> rs = new ArrayList<>();
                    for (CaseOutcome.Read r : poll) {
                        rs.add(new KafkaOps.Read(r.offset(), Value.of(r.value())));
                        reads.add(r);
                    }
                    Map<Value, List<KafkaOps.Read>> byKey = new LinkedHashMap<>();
                    if (!rs.isEmpty()) {
                        byKey.put(PARTITION, rs);
                    }
                    h.complete(consumer, OpType.OK, KafkaOps.POLL, KafkaOps.pollOk(byKey), d.nowNanos());
                }
                hw = c.highWatermark();
            }
        }
        LogCheckResult r = new KafkaLogChecker().check(h.build());
        return new CaseOutcome(d.side(), sends, reads, hw, isr, r.outcome().name(), r.counts(), d.notes());
    }

    private static OpType type(String t) {
        if (t.equals("ok")) {
            return OpType.OK;
        }
        return t.equals("fail") ? OpType.FAIL : OpType.INFO;
    }
}
