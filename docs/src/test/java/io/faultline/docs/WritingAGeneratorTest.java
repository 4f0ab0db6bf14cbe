package io.faultline.docs;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.faults.FaultEvent;
import io.faultline.faults.FaultSchedule;
import io.faultline.faults.PartitionShape;
import io.faultline.faults.Target;
import io.faultline.faults.Trial;
import io.faultline.gen.Gen;
import io.faultline.gen.Property;
import io.faultline.sim.Simulation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The chapter's "writing a generator" section, compiled and run. */
class WritingAGeneratorTest {

    // tag::generator[]
    /** Cut the replication channel, then crash a backup while it is cut: one bug-hunting pattern. */
    static final Gen<FaultSchedule> CUT_THEN_CRASH = Gen.zip(
            Gen.longs(0, 1_500, 1_500),                               // when the cut starts (ms)
            Gen.longs(10, 500, 10),                                    // how long it lasts (ms)
            (start, length) -> FaultSchedule.of(List.of(
                    new FaultEvent.Partition(start * Simulation.MILLIS,
                            new PartitionShape.Isolate(new Target.Role("primary")),
                            Optional.of("replicate"), length * Simulation.MILLIS),
                    new FaultEvent.Crash((start + length / 2) * Simulation.MILLIS,
                            new Target.Host("r2"), 50 * Simulation.MILLIS))));

    static boolean survives(FaultSchedule schedule, boolean async) {
        Trial trial = new Trial("register", 7);
        if (async) {
            Register.async(trial);
        } else {
            Register.durable(trial);
        }
        trial.schedule(schedule);
        return trial.execute().outcome() != Outcome.INVALID;
    }

    @Test
    void theDurableRegisterSurvivesEveryCutThenCrash() {
        Property.forAll(CUT_THEN_CRASH).seed(11).tries(20).check(s -> survives(s, false));
    }
    // end::generator[]

    @Test
    void theAsyncRegisterDoesNotAndTheFailureShrinks() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Property.forAll(CUT_THEN_CRASH).seed(11).tries(20).check(s -> survives(s, true)));
        assertTrue(e.getMessage().contains("seed 11"), e.getMessage());
        assertNotEquals(-1, e.getMessage().indexOf("crash host:r2"), e.getMessage());
    }
}
