package io.faultline.docs.pb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "Adding a model" walkthrough: the scenario is found in the catalog and tells the two variants apart. */
class PrimaryBackupTest {
    private static final int SEEDS = 20;

    // tag::test[]
    @Test
    void theLaggingBackupLosesAcknowledgedWritesAndTheSynchronousOneDoesNot() {
        Scenario pb = Scenarios.get("pb/register");           // found through the catalog
        List<Long> invalid = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunResult sync = pb.run(pb.spec(seed, List.of("pb.sync=true"), java.util.Optional.empty()));
            assertEquals(Outcome.VALID, sync.outcome(), "synchronous copy, seed " + seed + ": " + sync.checks());
            RunResult lagging = pb.run(pb.spec(seed, List.of("pb.sync=false"), java.util.Optional.empty()));
            if (lagging.outcome() == Outcome.INVALID) {
                invalid.add(seed);
            }
        }
        System.out.println("pb/register with pb.sync=false: INVALID for seeds " + invalid + " of 1.." + SEEDS);
        assertFalse(invalid.isEmpty(), "the lagging backup must lose an acknowledged write for some seed");
    }
    // end::test[]

    @Test
    void oneSeedReplaysTheSameTrace() {
        Scenario pb = Scenarios.get("pb/register");
        RunResult a = pb.run(pb.spec(7));
        RunResult b = pb.run(pb.spec(7));
        assertEquals(a.traceHash(), b.traceHash());
        assertTrue(a.history().size() > 50, "the clients did work: " + a.history().size() + " ops");
    }
}
