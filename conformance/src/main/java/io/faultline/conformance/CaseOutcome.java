package io.faultline.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * What one side (the model or the real cluster) did in a conformance case: every send's outcome,
 * the records read back, the high watermark the reads were bounded by, the ISRs seen at the
 * {@link Step.AwaitIsr} and {@link Step.AwaitNewLeader} steps, the log checker's verdict and
 * anomaly counts over the recorded history, and notes (e.g. what real timing did).
 *
 * <pre>{@code
 * CaseOutcome o = CaseRunner.run(workload, driver);
 * o.acked();              // value -> offset of every acknowledged send, in send order
 * o.lostAcked();          // acknowledged values that were never read back
 * o.readsBoundedByHw();   // every read offset is below the high watermark
 * }</pre>
 *
 * @param side          {@code model} or {@code real}
 * @param highWatermark the partition's high watermark when the reads ended (-1 if never read)
 * @param verdict       the log checker's outcome: VALID, INVALID or UNKNOWN
 * @param anomalies     anomaly keyword -> count (allowed ones included), sorted by keyword
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CaseOutcome(String side, List<Send> sends, List<Read> reads, long highWatermark, List<IsrSeen> isr,
                          String verdict, Map<String, Integer> anomalies, List<String> notes) {

    /**
     * One send: its value, how it completed ({@code ok}, {@code fail}: certainly not written,
     * {@code info}: unknown), its offset if acknowledged (else -1) and the error Kafka named
     * ({@code NONE} when acknowledged), e.g. {@code NOT_ENOUGH_REPLICAS}.
     */
    public record Send(long value, String type, long offset, String error) {
    }

    /** One record read back: {@code value} at {@code offset}. */
    public record Read(long offset, long value) {
    }

    /**
     * What a waiting step saw: whether its condition was reached within its bound, the leader
     * ({@code -1} if none) and the ISR (broker ids, sorted) at that moment.
     */
    public record IsrSeen(String step, boolean reached, int leader, List<Integer> isr) {
        public IsrSeen {
            isr = List.copyOf(new TreeSet<>(isr));
        }
    }

    public CaseOutcome {
        sends = List.copyOf(sends);
        reads = List.copyOf(reads);
        isr = List.copyOf(isr);
        anomalies = java.util.Collections.unmodifiableMap(new TreeMap<>(anomalies));
        notes = List.copyOf(notes);
    }

    /** Value -> offset of every acknowledged send, in send order. */
    public Map<Long, Long> acked() {
        Map<Long, Long> out = new LinkedHashMap<>();
        for (Send s : sends) {
            if (s.type().equals("ok")) {
                out.put(s.value(), s.offset());
            }
        }
        return out;
    }

    /** The distinct errors of sends that were not acknowledged, sorted. */
    public Set<String> errors() {
        Set<String> out = new TreeSet<>();
        for (Send s : sends) {
            if (!s.type().equals("ok")) {
                out.add(s.error());
            }
        }
        return out;
    }

    /** The values of sends that completed as {@code type}, in send order. */
    public List<Long> valuesOf(String type) {
        List<Long> out = new ArrayList<>();
        for (Send s : sends) {
            if (s.type().equals(type)) {
                out.add(s.value());
            }
        }
        return out;
    }

    /** Acknowledged values never read back, or read at another offset than acknowledged. */
    public List<Long> lostAcked() {
        Map<Long, Long> readAt = new TreeMap<>();
        for (Read r : reads) {
            readAt.put(r.value(), r.offset());
        }
        List<Long> out = new ArrayList<>();
        acked().forEach((v, o) -> {
            if (!o.equals(readAt.get(v))) {
                out.add(v);
            }
        });
        return out;
    }

    /** True if reads happened and every read offset is below the high watermark (FIDELITY C1 "Committed"). */
    public boolean readsBoundedByHw() {
        return highWatermark >= 0 && reads.stream().allMatch(r -> r.offset() < highWatermark);
    }

    /** The smallest ISR any waiting step saw (Integer.MAX_VALUE if none). */
    public int smallestIsrSeen() {
        return isr.stream().mapToInt(s -> s.isr().size()).min().orElse(Integer.MAX_VALUE);
    }

    /** One line for the docs table and logs. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(acked().size()).append(" acked");
        if (!errors().isEmpty()) {
            b.append(", failed/unknown with ").append(String.join(", ", errors()));
        }
        b.append(", ").append(reads.size()).append(" read below HW ").append(highWatermark);
        if (!isr.isEmpty()) {
            b.append(", ISR sizes seen ").append(isr.stream().map(s -> String.valueOf(s.isr().size())).toList());
        }
        List<Long> lost = lostAcked();
        if (!lost.isEmpty()) {
            b.append(", ").append(lost.size()).append(" acked write(s) lost");
        }
        b.append(", checker ").append(verdict);
        if (!anomalies.isEmpty()) {
            b.append(' ').append(anomalies);
        }
        return b.toString();
    }
}
