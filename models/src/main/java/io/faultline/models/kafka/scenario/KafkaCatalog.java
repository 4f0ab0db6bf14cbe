package io.faultline.models.kafka.scenario;

import io.faultline.models.kafka.check.ExactlyOnce;
import io.faultline.models.kafka.check.KafkaInvariants;
import io.faultline.sim.scenario.ScenarioCatalog;
import io.faultline.sim.scenario.ScenarioEntry;
import io.faultline.sim.scenario.Weakening;
import io.faultline.sim.scenario.Weakening.Finds;
import io.faultline.sim.scenario.Weakening.Holds;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** The Kafka scenarios ({@code kafka/...}), found by {@link java.util.ServiceLoader}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class KafkaCatalog implements ScenarioCatalog {
    // Lambdas, so that listing the entries loads no scenario class (ScenarioEntry).
    @Override
    public List<ScenarioEntry> entries() {
        return List.of(
                new ScenarioEntry(Kip101Scenario1.NAME, Kip101Scenario1.DESCRIPTION, () -> Kip101Scenario1.SCENARIO),
                new ScenarioEntry(Kip101Scenario2.NAME, Kip101Scenario2.DESCRIPTION, () -> Kip101Scenario2.SCENARIO),
                new ScenarioEntry(Kip279Scenario.NAME, Kip279Scenario.DESCRIPTION, () -> Kip279Scenario.SCENARIO),
                new ScenarioEntry(AcksOneFailoverScenario.NAME, AcksOneFailoverScenario.DESCRIPTION,
                        () -> AcksOneFailoverScenario.SCENARIO),
                new ScenarioEntry(UncleanElectionScenario.NAME, UncleanElectionScenario.DESCRIPTION,
                        () -> UncleanElectionScenario.SCENARIO),
                new ScenarioEntry(Jepsen2013Scenario.NAME, Jepsen2013Scenario.DESCRIPTION,
                        () -> Jepsen2013Scenario.SCENARIO),
                new ScenarioEntry(SafeScenario.NAME, SafeScenario.DESCRIPTION, () -> SafeScenario.SCENARIO),
                new ScenarioEntry(AutoCommitLossScenario.NAME, AutoCommitLossScenario.DESCRIPTION,
                        () -> AutoCommitLossScenario.SCENARIO),
                new ScenarioEntry(RebalanceDuplicatesScenario.NAME, RebalanceDuplicatesScenario.DESCRIPTION,
                        () -> RebalanceDuplicatesScenario.SCENARIO),
                new ScenarioEntry(RetentionResetScenario.NAME, RetentionResetScenario.DESCRIPTION,
                        () -> RetentionResetScenario.SCENARIO),
                new ScenarioEntry(ControllerFailoverScenario.NAME, ControllerFailoverScenario.DESCRIPTION,
                        () -> ControllerFailoverScenario.SCENARIO),
                new ScenarioEntry(ZombieProducerScenario.NAME, ZombieProducerScenario.DESCRIPTION,
                        () -> ZombieProducerScenario.SCENARIO),
                new ScenarioEntry(ReadCommittedScenario.NAME, ReadCommittedScenario.DESCRIPTION,
                        () -> ReadCommittedScenario.SCENARIO));
    }

    /**
     * kafka/safe and what each knob real deployments get wrong does to it (FIDELITY F7), at 3.7 (the
     * scenario's default) and at 4.0; the version rows replace the version, so they appear once.
     */
    @Override
    public List<Weakening> weakenings() {
        List<Weakening> rows = new ArrayList<>();
        for (List<String> at : List.of(List.<String>of(), List.of("kafka.version=4.0"))) {
            rows.add(row(at, List.of(), new Holds("the safe configuration"), "FIDELITY F7"));
            rows.add(row(at, List.of("unclean.leader.election.enable=true"), finds("lost-write"), "FIDELITY C4"));
            rows.add(row(at, List.of("min.insync.replicas=1"), new Holds("with every append fsynced and clean elections "
                    + "only, the lone ISR member keeps what it acknowledged through crashes and power loss; only a lost "
                    + "disk loses it, and that loses writes at min.insync.replicas=2 too (the faults.disk-loss rows)"),
                    "FIDELITY C3.1"));
            rows.add(row(at, List.of("acks=1"), finds("lost-write"), "FIDELITY C3"));
            rows.add(row(at, List.of("enable.idempotence=false"), finds("duplicate"), "FIDELITY C6"));
            // Auto-commit with processing after the commit: a member crashing mid-batch loses it (C7.5).
            rows.add(row(at, List.of("kafka.consumer.processing=after-commit"), finds("group-poll-skip"), "FIDELITY C7.5"));
            rows.add(row(at, List.of("kafka.truncation=hw"), finds("lost-write", "inconsistent-offsets"), "FIDELITY C5.2"));
            if (at.isEmpty()) {
                rows.add(row(at, List.of("kafka.version=0.10"), finds("lost-write", "inconsistent-offsets", "duplicate"),
                        "FIDELITY C5.1"));
                rows.add(row(at, List.of("kafka.version=0.11"), new Holds("KIP-101's gap (KIP-279) needs an ISR that "
                        + "shrinks to one member to lose a write: min.insync.replicas=1 or unclean election"), "FIDELITY C5.4"));
            }
            // The no-loss invariant stops these runs when the leader loses an acknowledged record, before
            // any consumer could miss it: its name is the kind (the model's own lost-write).
            rows.add(row(at, List.of("log.flush.interval.messages=version"), finds("lost-write", KafkaInvariants.LOST_COMMITTED),
                    "FIDELITY C2"));
            rows.add(row(at, List.of("faults.disk-loss=true"), finds("lost-write", KafkaInvariants.LOST_COMMITTED),
                    "FIDELITY C3.1"));
        }
        // A consumer behind retention (not a kafka/safe knob: its own scenario, no faults needed).
        rows.add(new Weakening(RetentionResetScenario.NAME, List.of(), finds("poll-skip"), "FIDELITY C8.3"));
        rows.add(new Weakening(RetentionResetScenario.NAME, List.of("retention.ms=version"),
                new Holds("with Kafka's 7-day retention the lagging consumer reads every record"), "FIDELITY C8.2"));
        // A transactional writer's reader at Kafka's default isolation level reads aborted records (C12.5).
        rows.add(new Weakening(ReadCommittedScenario.NAME, List.of(), finds("G1a"), "FIDELITY C12.5"));
        rows.add(new Weakening(ReadCommittedScenario.NAME, List.of("isolation.level=read_committed"),
                new Holds("read_committed reads up to the last stable offset and drops aborted records"), "FIDELITY C12.3"));
        // A paused job instance without a transactional.id is not fenced (C12.1).
        rows.add(new Weakening(ZombieProducerScenario.NAME, List.of(), finds(ExactlyOnce.DUPLICATE_OUTPUT),
                "FIDELITY C12.6"));
        rows.add(new Weakening(ZombieProducerScenario.NAME, List.of("transactional.id=job"),
                new Holds("the replacement's InitProducerId aborts the zombie's transaction and fences it"), "FIDELITY C12.1"));
        return rows;
    }

    private static Weakening row(List<String> at, List<String> knob, Weakening.Expectation expected, String rule) {
        List<String> overrides = new ArrayList<>(at);
        overrides.addAll(knob);
        return new Weakening(SafeScenario.NAME, overrides, expected, rule);
    }

    private static Finds finds(String... kinds) {
        return new Finds(List.of(kinds));
    }
}
