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
 * {@code kafka/kip-101-scenario-1}: KIP-101's "High Watermark Truncation followed by Immediate
 * Leader Election" (FIDELITY C5.2), step by step. b1 plays the KIP's B (leader), b2 its A.
 * <ol>
 *   <li>A fetches the latest record m2; B sees A caught up, advances its HW and acknowledges m2;
 *       A's HW still lags by one round trip (C1).</li>
 *   <li>A restarts (its log is flushed on every message here, as a process restart keeps the
 *       page cache) and becomes a follower: before 0.11 it truncates to its own HW (C5.1), dropping
 *       m2; from 0.11 it asks B for the end of its epoch and keeps m2.</li>
 *   <li>B fails before A re-fetches; A, still in the ISR, is elected; later writes reuse m2's
 *       offset. A late consumer reads everything from A.</li>
 * </ol>
 * With kafka.version=0.10 the checker finds the acknowledged m2 lost; with 0.11 it is VALID.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Kip101Scenario1 {
    static final String NAME = "kafka/kip-101-scenario-1";

    static final String DESCRIPTION =
            "KIP-101 scenario 1 (FIDELITY C5.2): HW truncation then immediate election loses an acknowledged "
                    + "write with kafka.version=0.10; none with 0.11";
    static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            KafkaKeys.schema("kafka.version", "0.10", "acks", "all", "min.insync.replicas", "1",
                    "log.flush.interval.messages", "1", "request.timeout.ms", "2000", "delivery.timeout.ms", "30000",
                    "replica.high.watermark.checkpoint.interval.ms", "50"),
            40 * Simulation.SECONDS, Kip101Scenario1::run, KafkaConfig::fromSettings);

    private Kip101Scenario1() {
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "kafka");
        KafkaCluster c = KafkaCluster.create(run, KafkaConfig.fromSettings(spec.settings()), new ClusterShape(2, 1, 2));
        Simulation sim = run.sim();
        long end = spec.durationNanos();
        c.addProducer(1, 100 * Simulation.MILLIS, end - 10 * Simulation.SECONDS);
        c.addConsumer(100 * Simulation.MILLIS, end / 2);
        c.brokerHosts().forEach(h -> h.disk().fsyncLatency(0));
        final int b = 0;
        final int a = 1;

        sim.run(3 * Simulation.SECONDS);
        // 1. A has the last record and B's HW covers it; A's HW still lags.
        boolean step1 = run.await(() -> c.leo(a, 0) > 0 && c.leo(a, 0) == c.leo(b, 0)
                && c.hw(b, 0) == c.leo(b, 0) && c.hw(a, 0) < c.leo(a, 0), 10 * Simulation.SECONDS);
        if (step1) {
            sim.recordFault("A (b2) has m2 but its HW lags: restart A");
            c.brokerHost(a).crash();
            sim.run(sim.now() + 500 * Simulation.MILLIS);
            c.brokerHost(a).restart();
            // 2-3. A becomes follower and truncates by its version's rule; then B fails.
            run.await(() -> c.broker(a).map(x -> x.fetching(0)).orElse(false), 10 * Simulation.SECONDS);
            sim.recordFault("A finished truncating: B (b1) fails before A re-fetches");
            c.brokerHost(b).crash();
            sim.at(sim.now() + 15 * Simulation.SECONDS, "restart B (b1)", () -> c.brokerHost(b).restart());
        }
        run.runUntil(end);
        List<CheckResult> extra = List.of(step1 ? CheckResult.valid("script reached KIP-101 step 1", "yes")
                : CheckResult.unknown("script reached KIP-101 step 1", "A never caught up within 10 s"));
        return KafkaRunResult.of(run, c, true, extra);
    }
}
