package io.faultline.models.kafka.scenario;

import io.faultline.models.kafka.config.KafkaVersion;
import io.faultline.models.kafka.config.KafkaKeys;
import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Liveness;
import io.faultline.sim.RunStatus;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioRun;
import io.faultline.sim.scenario.Setting;

import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code kafka/safe}: today's safe configuration (FIDELITY F7: RF 3, min.insync.replicas=2,
 * acks=all, unclean election off, idempotent producer; Kafka 3.7 with its HW rule of C1) under
 * random faults ({@link KafkaNemesis}: partitions, data-port cuts, crashes, zombie pauses, power
 * loss of every replica, clock faults and combinations, with durations derived from the session and
 * lag timeouts) until 20 s before the end; then every fault heals, producers stop and consumers
 * drain. It assumes a log fsynced on every append ({@code log.flush.interval.messages=1}): Kafka's
 * default flush policy leaves durability to replication (C1, C2), so a power loss of every replica
 * loses acknowledged writes, which {@code --set log.flush.interval.messages=version} shows.
 * Before 0.11 there is no idempotent producer, and it needs acks=all and retries (C6): there the
 * scenario's idempotence default is dropped as Kafka drops an unset one.
 * A lost disk is not among the faults unless {@code faults.disk-loss=true}: it loses acknowledged
 * writes at min.insync.replicas=2 in every modelled version when it strikes the last ISR member
 * (C3.1, "last replica standing"; Kafka 4.0's fix, eligible leader replicas, is off by default).
 * A consumer group of two members reads alongside (C7): at 25 s, 60 s and 95 s a member crashes at
 * the worst moment, its first batch after a commit, and restarts 5 s later; the group must lose
 * nothing (group-poll-skip), while redelivery is allowed (C7.7). With
 * {@code --set kafka.consumer.processing=after-commit} those crashes lose records (C7.5).
 * Expected: no anomaly the checker forbids, replicas agree, the no-loss invariant holds, and writes
 * resume after the heal.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SafeScenario {
    static final String NAME = "kafka/safe";

    /** Whether the generated faults include a lost disk (off: a fault model of its own, C3.1). */
    static final Setting<Boolean> DISK_LOSS = Setting.ofBoolean(
            "faults.disk-loss", false, "also draw 'the ISR shrinks to the leader, then its machine is replaced "
                    + "with an empty disk', which loses acknowledged writes in every modelled version (FIDELITY C3.1)");
    /** The live consumer's max.poll.records: it reads about half as fast as the producers write, so it lags. */
    static final int LAGGING_POLL_RECORDS = 5;

    static final String DESCRIPTION =
            "FIDELITY F7: RF 3, min.insync.replicas=2, acks=all, no unclean election, idempotent producer, "
                    + "log fsynced per append, under partitions, crashes, zombie pauses, power loss and clock faults "
                    + "sized to the session and lag timeouts (a lost disk only with faults.disk-loss=true, C3.1): "
                    + "no acknowledged write lost, no anomaly";
    static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            withDiskLoss(KafkaKeys.schema("kafka.version", "3.7", "acks", "all", "min.insync.replicas", "2",
                    "unclean.leader.election.enable", "false", "enable.idempotence", "true",
                    "log.flush.interval.messages", "1",
                    "request.timeout.ms", "2000", "delivery.timeout.ms", "10000")),
            150 * Simulation.SECONDS, SafeScenario::run, SafeScenario::config);

    private SafeScenario() {
    }

    private static List<Setting<?>> withDiskLoss(List<Setting<?>> schema) {
        List<Setting<?>> out = new java.util.ArrayList<>(schema);
        out.add(DISK_LOSS);
        return out;
    }

    /** The settings as a configuration; idempotence is the scenario's default only where it exists (C6). */
    static KafkaConfig config(io.faultline.sim.scenario.Settings settings) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>(settings.asStrings());
        KafkaVersion v = KafkaVersion.parse(m.getOrDefault("kafka.version", "3.7")).orElse(KafkaVersion.V3_7);
        boolean conflicts = !v.atLeast(KafkaVersion.V0_11) || !List.of("all", "-1").contains(m.get("acks"))
                || "0".equals(m.get("retries"));
        if (conflicts && "true".equals(m.get("enable.idempotence"))) {
            // Not set by the user (the scenario's default): Kafka silently drops it on conflict (C6).
            m.put("enable.idempotence", KafkaKeys.BY_VERSION);
        }
        return KafkaConfig.fromSettings(io.faultline.sim.scenario.Settings.parse(settings.schema(), m));
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "kafka");
        KafkaCluster c = KafkaCluster.create(run, config(spec.settings()), new ClusterShape(3, 2, 3));
        Simulation sim = run.sim();
        long end = spec.durationNanos();
        long faultsEnd = end - 20 * Simulation.SECONDS;
        long s = Simulation.SECONDS;
        c.addProducer(2, 100 * Simulation.MILLIS, end - 8 * s);
        // A live consumer that lags (it polls every ~500 ms for at most 5 records while ~20 records a
        // second are written) reads through every fault; a second one joins after the heal and reads
        // every partition from offset 0. So what is judged is the log as it ends up, and a write
        // that is acknowledged and then lost is never read (Jepsen's lost-write, C10), where a
        // consumer at the head would have read it before it was lost (inconsistent-offsets).
        c.addConsumer(500 * Simulation.MILLIS, 0, LAGGING_POLL_RECORDS);
        c.addConsumer(100 * Simulation.MILLIS, faultsEnd);
        // A consumer group of two members with the consumer defaults (auto-commit, processing before
        // the commit, C7.5), whose __consumer_offsets partition is replicated like the topic (C7.6).
        KafkaCluster.GroupConsumerHandle m1 = c.addGroupConsumer(GroupWorkload.GROUP, 100 * Simulation.MILLIS, 500);
        KafkaCluster.GroupConsumerHandle m2 = c.addGroupConsumer(GroupWorkload.GROUP, 100 * Simulation.MILLIS, 500);
        boolean diskLoss = spec.settings().get(DISK_LOSS);
        KafkaNemesis nemesis = new KafkaNemesis(c, 3 * s, faultsEnd,
                diskLoss ? KafkaNemesis.WITH_DISK_LOSS : KafkaNemesis.DEFAULT);
        run.installFaults(nemesis);
        if (!GroupWorkload.crashMidBatch(run, List.of(m1, m2, m1), List.of(25 * s, 60 * s, 95 * s), 5 * s)
                || run.runUntil(faultsEnd) != RunStatus.REACHED_TIME) {
            return KafkaRunResult.of(run, c, true, List.of(), nemesis.table());
        }
        sim.healAll();
        int before = c.recorder().size();
        CheckResult live = Liveness.await(sim, "writes complete again after the heal",
                () -> c.recorder().size() > before + 20, 20 * s);
        run.runUntil(Math.max(end, sim.now()));
        return KafkaRunResult.of(run, c, true, List.of(live), nemesis.table());
    }
}
