package io.faultline.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.sim.Simulation;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ScheduleGenTest {
    static final FaultSpace SPACE = FaultSpace.of(4 * Simulation.SECONDS,
            List.of(new Target.Role("primary"), new Target.Random("servers"))).withChannels(List.of("replicate"));

    @Test
    void aSeedAlwaysGivesTheSameSchedule() {
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(ScheduleGen.forSeed(SPACE, seed), ScheduleGen.forSeed(SPACE, seed));
        }
    }

    @Test
    void eachSeedPicksItsOwnMixOfKindsAndIntensityWithinTheSpace() {
        TreeSet<String> mixes = new TreeSet<>();
        TreeSet<Integer> sizes = new TreeSet<>();
        for (long seed = 0; seed < 200; seed++) {
            FaultSchedule s = ScheduleGen.forSeed(SPACE, seed);
            TreeSet<String> kinds = new TreeSet<>();
            for (FaultEvent e : s.events()) {
                kinds.add(e.kind());
                assertTrue(e.at() >= 0 && e.at() < SPACE.horizon(), e.render());
                assertTrue(SPACE.kinds().contains(e.kind()));
            }
            mixes.add(kinds.toString());
            sizes.add(s.size());
            assertTrue(s.size() >= 1 && s.size() <= SPACE.maxEvents());
            // Every schedule survives its own file format.
            assertEquals(s, ScheduleJson.parse(ScheduleJson.toJson(s), "seed " + seed));
        }
        assertTrue(mixes.size() > 50, "mixes seen: " + mixes.size());
        assertEquals(SPACE.maxEvents(), sizes.size(), "every intensity from 1 to the maximum appears");
    }

    @Test
    void onlyTheAllowedKindsAreDrawn() {
        FaultSpace crashesOnly = SPACE.withKinds(List.of("crash", "pause"));
        for (long seed = 0; seed < 50; seed++) {
            for (FaultEvent e : ScheduleGen.forSeed(crashesOnly, seed).events()) {
                assertTrue(e instanceof FaultEvent.Crash || e instanceof FaultEvent.Pause, e.render());
            }
        }
    }
}
