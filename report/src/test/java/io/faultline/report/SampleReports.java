package io.faultline.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.faultline.checker.Outcome;

/** Hand-made reports for the renderer's tests: a small broadcast with a partition and a crash. */
final class SampleReports {
    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;

    private SampleReports() {
    }

    static RunSummary summary(Outcome verdict) {
        return new RunSummary("demo/broadcast", 42L, verdict,
                List.of(new CheckLine("every value reaches every node", verdict,
                        verdict == Outcome.VALID ? "" : "n3 never received 7 <script>")),
                verdict == Outcome.VALID ? List.of() : List.of(new Table("Lost values", List.of("value", "where it went"),
                        List.of(List.of("7", "never reached n3 <b>")))),
                "c0ffee", 1234, 30 * S, 87, 48L << 20, Optional.empty());
    }

    /** A broadcast among three nodes: {@code rounds} rounds, every 100 ms, n3 cut off in the middle. */
    static List<MessageArrow> broadcast(int rounds) {
        List<String> nodes = List.of("n1", "n2", "n3");
        List<MessageArrow> out = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long t = r * 100 * MS;
            String from = nodes.get(r % 3);
            for (String to : nodes) {
                if (to.equals(from)) {
                    continue;
                }
                boolean cut = to.equals("n3") && r >= rounds / 3 && r < 2 * rounds / 3;
                out.add(new MessageArrow(from, to, t, cut ? OptionalLong.empty() : OptionalLong.of(t + 3 * MS + r % 7 * MS),
                        "Broadcast(value=" + r + ")"));
            }
        }
        return out;
    }

    static RunReport report(Outcome verdict, int rounds) {
        RunReport.Builder b = RunReport.builder(summary(verdict))
                .description("Nodes gossip values to each other; every value must reach every node.")
                .setting("nodes", "3")
                .setting("rate", "10/s")
                .hosts(List.of("n1", "n2", "n3"))
                .messages(broadcast(rounds))
                .fault(new FaultSpan("network", "partition {n1 n2} | {n3}", 10 * S, 20 * S))
                .fault(new FaultSpan("n2", "crash", 12 * S, 12 * S))
                .chart(new Chart.Histogram("Delivery latency", "latency (ms)", 10,
                        List.of(new Chart.Samples("all", List.of(3.0, 4.0, 4.0, 5.0, 9.0)))))
                .chart(new Chart.Line("Throughput", "time (s)", "messages/s",
                        List.of(new Chart.Series("sent", List.of(new Chart.Point(0, 0), new Chart.Point(1, 20), new Chart.Point(2, 18))))))
                .table(new Table("Per node", List.of("node", "received"),
                        List.of(List.of("n1", "100"), List.of("n2", "98"))))
                .replayCommand("./faultline run demo/broadcast --seed 42");
        if (verdict == Outcome.INVALID) {
            b.firstViolationAt(15 * S);
        }
        return b.build();
    }
}
