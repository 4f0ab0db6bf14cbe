package io.faultline.models.s3.scenario;

import io.faultline.models.s3.config.ClusterShape;
import io.faultline.models.s3.config.S3Config;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.sim.Simulation;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every fault class of the S3 nemesis occurs regularly within seeds 0 to 199 of {@code s3/strong}
 * (its default duration), and the count per class is printed: the figures of the fault mix.
 * Run alone: {@code ./mvnw -B -q -pl models -am verify -Dtest=S3NemesisMixTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RandomFaultsMixTest {
    @Test
    void everyFaultClassFiresRegularlyWithinTwoHundredSeeds() {
        TreeMap<S3FaultKind, Integer> total = new TreeMap<>();
        TreeMap<S3FaultKind, Integer> seeds = new TreeMap<>();
        int skipped = 0;
        long duration = StrongScenario.SCENARIO.spec(0).durationNanos();
        for (long seed = 0; seed < 200; seed++) {
            S3Cluster c = S3Cluster.build(seed, S3Config.defaults(), new ClusterShape(3, 2, List.of("data")));
            RandomFaults n = RandomFaults.install(c, duration * 7 / 10,
                    StrongScenario.longestTimeout(c.config(), 2 * Simulation.SECONDS));
            c.sim().run(duration);
            n.fired().forEach((k, v) -> {
                total.merge(k, v, Integer::sum);
                seeds.merge(k, 1, Integer::sum);
            });
            skipped += n.skipped();
        }
        System.out.println("S3 fault classes over seeds 0-199 (episodes, seeds with one): ");
        for (S3FaultKind k : S3FaultKind.values()) {
            System.out.println("  " + k + " " + total.getOrDefault(k, 0) + " " + seeds.getOrDefault(k, 0));
        }
        System.out.println("  skipped " + skipped);
        for (S3FaultKind k : S3FaultKind.values()) {
            assertTrue(seeds.getOrDefault(k, 0) >= 10, k + " fired in only " + seeds.getOrDefault(k, 0) + " of 200 seeds");
        }
    }
}
