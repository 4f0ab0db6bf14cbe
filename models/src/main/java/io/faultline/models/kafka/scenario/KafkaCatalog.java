package io.faultline.models.kafka.scenario;

import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioCatalog;

import java.util.List;

/** The Kafka scenarios ({@code kafka/...}), found by {@link java.util.ServiceLoader}. */
public final class KafkaCatalog implements ScenarioCatalog {
    @Override
    public List<Scenario> scenarios() {
        return List.of(Kip101Scenario1.SCENARIO, Kip101Scenario2.SCENARIO, Kip279Scenario.SCENARIO,
                AcksOneFailoverScenario.SCENARIO, UncleanElectionScenario.SCENARIO, Jepsen2013Scenario.SCENARIO, SafeScenario.SCENARIO);
    }
}
