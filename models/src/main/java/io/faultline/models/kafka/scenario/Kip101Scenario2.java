package io.faultline.models.kafka.scenario;

import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.config.KafkaKeys;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioRun;

import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code kafka/kip-101-scenario-2}: KIP-101's "Replica Divergence on Restart after Multiple Hard
 * Failures" (FIDELITY C5.3), step by step. b1 plays the KIP's A (leader), b2 its B.
 * <ol>
 *   <li>B's page cache is written back; from then on the producer no longer hears A's answers
 *       (so what follows, "m2", is never acknowledged). A appends m2, B fetches it, A's HW covers
 *       it and A's pages (log and HW checkpoint) are written back, B's are not (flushing is
 *       asynchronous, each machine at its own phase).</li>
 *   <li>A power outage takes both down. B restarts first and is elected; it writes m3 at m2's
 *       offset.</li>
 *   <li>A restarts as a follower. Before 0.11 its HW covers m2, so it keeps it: the logs diverge.
 *       From 0.11 it asks B where its epoch ends and truncates m2.</li>
 *   <li>B fails later and A leads; a consumer that joins then reads A's log from the start, while an
 *       earlier one read B's.</li>
 * </ol>
 * With kafka.version=0.10 the two consumers disagree on an offset and the replicas diverge; with
 * 0.11 neither (m2 was never acknowledged: losing it when both replicas fail is allowed).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Kip101Scenario2 {
    static final String NAME = "kafka/kip-101-scenario-2";

    static final String DESCRIPTION =
            "KIP-101 scenario 2 (FIDELITY C5.3): a power outage of both replicas leaves divergent logs "
                    + "with kafka.version=0.10; none with 0.11";
    static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            KafkaKeys.schema("kafka.version", "0.10", "acks", "all", "min.insync.replicas", "1",
                    "retries", "0", "request.timeout.ms", "1000", "delivery.timeout.ms", "2000",
                    "replica.high.watermark.checkpoint.interval.ms", "50"),
            65 * Simulation.SECONDS, Kip101Scenario2::run, KafkaConfig::fromSettings);

    private Kip101Scenario2() {
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "kafka");
        KafkaCluster c = KafkaCluster.create(run, KafkaConfig.fromSettings(spec.settings()), new ClusterShape(2, 1, 2));
        Simulation sim = run.sim();
        long end = spec.durationNanos();
        var producer = c.addProducer(1, 100 * Simulation.MILLIS, end - 10 * Simulation.SECONDS);
        c.addConsumer(100 * Simulation.MILLIS, 30 * Simulation.SECONDS);
        c.addConsumer(100 * Simulation.MILLIS, 50 * Simulation.SECONDS);
        final int a = 0;
        final int b = 1;

        sim.run(3 * Simulation.SECONDS);
        boolean reached = false;
        while (!reached && sim.now() < 20 * Simulation.SECONDS) {
            // 1. Wait for B's writeback: what B fetches next stays in its page cache for a while.
            long before = c.broker(b).map(x -> x.durableLeo(0)).orElse(-1L);
            run.await(() -> c.broker(b).map(x -> x.durableLeo(0)).orElse(-1L) != before,
                    10 * Simulation.SECONDS);
            long bDurable = c.broker(b).map(x -> x.durableLeo(0)).orElse(-1L);
            sim.network().cutOneWay(c.hostOf(a), producer.id());
            // A's writeback must cover a record B has only in memory, with a HW checkpoint above it.
            reached = run.await(() -> c.broker(b).map(x -> x.durableLeo(0)).orElse(-1L) != bDurable
                    || (c.broker(a).map(x -> x.durableLeo(0) > bDurable && x.durableHw(0) > bDurable).orElse(false)
                    && c.leo(b, 0) > bDurable), 10 * Simulation.SECONDS)
                    && c.broker(b).map(x -> x.durableLeo(0)).orElse(-1L) == bDurable;
            if (!reached) {
                sim.network().healAll();
            }
        }
        if (reached) {
            sim.run(sim.now() + 2 * Simulation.MILLIS); // let A's writeback fsync complete
            sim.recordFault("power outage: A (b1) has m2 on disk with a HW covering it, B (b2) does not");
            c.brokerHost(a).crash();
            c.brokerHost(b).crash();
            sim.network().healAll();
            long t0 = sim.now();
            sim.at(t0 + Simulation.SECONDS, "B (b2) restarts first", () -> c.brokerHost(b).restart());
            sim.at(t0 + 10 * Simulation.SECONDS, "A (b1) restarts", () -> c.brokerHost(a).restart());
            sim.at(40 * Simulation.SECONDS, "B (b2) fails: A leads", () -> c.brokerHost(b).crash());
            sim.at(55 * Simulation.SECONDS, "B (b2) restarts as a follower", () -> c.brokerHost(b).restart());
        }
        run.runUntil(end);
        List<CheckResult> extra = List.of(reached ? CheckResult.valid("script reached KIP-101 step 1", "yes")
                : CheckResult.unknown("script reached KIP-101 step 1", "no writeback window found before 20 s"));
        return KafkaRunResult.of(run, c, true, extra);
    }
}
