package io.faultline.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.sim.Simulation;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ScheduleShrinkerTest {
    static final long HORIZON = 4 * Simulation.SECONDS;

    /** "Fails" when a crash and a partition of at least 100ms overlap: a two-event bug. */
    static final Predicate<FaultSchedule> CRASH_DURING_PARTITION = s -> {
        for (FaultEvent p : s.events()) {
            if (p instanceof FaultEvent.Partition part && part.duration() >= 100 * Simulation.MILLIS) {
                for (FaultEvent c : s.events()) {
                    if (c instanceof FaultEvent.Crash && c.at() >= p.at() && c.at() < p.at() + part.duration()) {
                        return true;
                    }
                }
            }
        }
        return false;
    };

    @Test
    void shrinksEveryFailingGeneratedScheduleToTwoEventsWithinTheBudget() {
        FaultSpace space = FaultSpace.of(HORIZON, List.of(new Target.Random("servers"))).withMaxEvents(16);
        int shrunk = 0;
        for (long seed = 0; seed < 400 && shrunk < 10; seed++) {
            FaultSchedule s = ScheduleGen.forSeed(space, seed);
            if (!CRASH_DURING_PARTITION.test(s)) {
                continue;
            }
            shrunk++;
            ScheduleShrinker.Result r = ScheduleShrinker.shrink(s, CRASH_DURING_PARTITION, HORIZON, 200);
            long s0 = seed;
            assertEquals(2, r.schedule().size(), () -> "seed " + s0 + ":\n" + r.schedule().render());
            assertTrue(CRASH_DURING_PARTITION.test(r.schedule()), "the result still fails");
            assertTrue(r.reruns() <= 200, "reruns: " + r.reruns());
        }
        assertTrue(shrunk >= 5, "only " + shrunk + " failing seeds");
    }

    @Test
    void simplerEventsAreShorterLaterAndSmaller() {
        FaultEvent.Partition p = new FaultEvent.Partition(Simulation.SECONDS, new PartitionShape.MajoritiesRing(),
                java.util.Optional.empty(), 800 * Simulation.MILLIS);
        List<FaultEvent> simpler = ScheduleShrinker.simpler(p, HORIZON);
        assertEquals(List.of(
                new FaultEvent.Partition(Simulation.SECONDS, new PartitionShape.Halves(), java.util.Optional.empty(), 800 * Simulation.MILLIS),
                new FaultEvent.Partition(Simulation.SECONDS, new PartitionShape.MajoritiesRing(), java.util.Optional.empty(), 400 * Simulation.MILLIS),
                p.withAt(2500 * Simulation.MILLIS)), simpler);
    }

    @Test
    void aScheduleThatOnlyFailsWhole() {
        FaultSchedule s = FaultSchedule.of(List.of(
                new FaultEvent.Heal(Simulation.SECONDS), new FaultEvent.Heal(2 * Simulation.SECONDS)));
        ScheduleShrinker.Result r = ScheduleShrinker.shrink(s, x -> x.size() == 2, HORIZON, 200);
        assertEquals(2, r.schedule().size());
        assertTrue(r.complete());
    }
}
