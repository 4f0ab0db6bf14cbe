package io.faultline.models;

import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;

/**
 * Prints {@code name seed hash} for every catalog scenario at the given seed; the determinism test
 * runs it in a second JVM and compares with its own runs.
 */
public final class ScenarioHashes {
    private ScenarioHashes() {
    }

    public static void main(String[] args) {
        long seed = Long.parseLong(args[0]);
        for (Scenario s : Scenarios.all()) {
            RunResult r = s.run(s.spec(seed));
            System.out.println(s.name() + " " + seed + " " + r.traceHash());
        }
    }
}
