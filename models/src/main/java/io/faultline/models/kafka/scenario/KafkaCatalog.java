package io.faultline.models.kafka.scenario;

import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioCatalog;
import io.faultline.sim.scenario.Weakening;
import io.faultline.sim.scenario.Weakening.Finds;
import io.faultline.sim.scenario.Weakening.Holds;

import java.util.List;

/** The Kafka scenarios ({@code kafka/...}), found by {@link java.util.ServiceLoader}. */
public final class KafkaCatalog implements ScenarioCatalog {
    @Override
    public List<Scenario> scenarios() {
        return List.of(Kip101Scenario1.SCENARIO, Kip101Scenario2.SCENARIO, Kip279Scenario.SCENARIO,
                AcksOneFailoverScenario.SCENARIO, UncleanElectionScenario.SCENARIO, Jepsen2013Scenario.SCENARIO, SafeScenario.SCENARIO);
    }

    /** kafka/safe and what each knob real deployments get wrong does to it (FIDELITY F7). */
    @Override
    public List<Weakening> weakenings() {
        String safe = SafeScenario.SCENARIO.name();
        return List.of(
                new Weakening(safe, List.of(), new Holds("the safe configuration"), "FIDELITY F7"),
                new Weakening(safe, List.of("unclean.leader.election.enable=true"), new Finds(List.of("lost-write")), "FIDELITY C4"),
                new Weakening(safe, List.of("min.insync.replicas=1"), new Finds(List.of("lost-write")), "FIDELITY C3"),
                new Weakening(safe, List.of("acks=1", "enable.idempotence=false"), new Finds(List.of("lost-write")), "FIDELITY C3"));
    }
}
