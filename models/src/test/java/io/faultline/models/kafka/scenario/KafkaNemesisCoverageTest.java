package io.faultline.models.kafka.scenario;

import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fault class of the generated faults occurs regularly within 200 seeds of {@code kafka/safe},
 * and durations follow the configuration's timeouts (they outlast the session and the lag rule).
 * Prints the per-class counts for seeds 0..199 (the figures in issue 12's report).
 */
class KafkaNemesisCoverageTest {
    private static final long S = Simulation.SECONDS;

    private static Map<FaultClass, Integer> counts(KafkaConfig config, long[] longest) {
        return counts(config, longest, KafkaNemesis.DEFAULT);
    }

    private static Map<FaultClass, Integer> counts(KafkaConfig config, long[] longest, List<FaultClass> kinds) {
        Map<FaultClass, Integer> counts = new EnumMap<>(FaultClass.class);
        KafkaNemesis.Timeouts t = KafkaNemesis.Timeouts.of(config);
        for (long seed = 0; seed < 200; seed++) {
            // The same stream the scenario's nemesis draws from, and the same fault window (SafeScenario).
            List<KafkaNemesis.Episode> plan = KafkaNemesis.plan(new Simulation(seed).rng().fork("nemesis"), t, 3 * S, 130 * S, kinds);
            for (KafkaNemesis.Episode e : plan) {
                counts.merge(e.kind(), 1, Integer::sum);
                longest[0] = Math.max(longest[0], e.duration());
            }
        }
        return counts;
    }

    @Test
    void everyFaultClassOccursRegularlyAndOutlastsTheTimeouts() {
        for (String version : List.of("3.7", "0.11")) {
            KafkaConfig config = KafkaConfig.of(Map.of("kafka.version", version));
            long[] longest = {0};
            Map<FaultClass, Integer> counts = counts(config, longest);
            System.out.println("kafka " + version + " generated fault episodes over seeds 0..199: " + counts
                    + "; longest " + longest[0] / S + " s");
            for (FaultClass k : KafkaNemesis.DEFAULT) {
                assertTrue(counts.getOrDefault(k, 0) >= 60, k + " occurs in about one seed of three or more: " + counts);
            }
            assertTrue(!counts.containsKey(FaultClass.LEADER_ALONE_LOSES_DISK), "a lost disk only when asked for: " + counts);
            long lag = config.replicaLagTimeMaxMs() * Simulation.MILLIS;
            assertTrue(longest[0] > 2 * lag, "some faults outlast the lag rule twice over: " + longest[0]);
        }
    }

    @Test
    void aLostDiskOccursRegularlyWhenTheScenarioAsksForIt() {
        Map<FaultClass, Integer> counts = counts(KafkaConfig.of(Map.of()), new long[] {0}, KafkaNemesis.WITH_DISK_LOSS);
        System.out.println("kafka 3.7 with faults.disk-loss=true, episodes over seeds 0..199: " + counts);
        for (FaultClass k : FaultClass.values()) {
            assertTrue(counts.getOrDefault(k, 0) >= 60, k + " occurs in about one seed of three or more: " + counts);
        }
    }

    @Test
    void durationsFollowASessionTimeoutSetByTheUser() {
        KafkaConfig shortSession = KafkaConfig.of(Map.of("broker.session.timeout.ms", "3000"));
        long longestCrash = 0;
        for (long seed = 0; seed < 50; seed++) {
            for (KafkaNemesis.Episode e : KafkaNemesis.plan(new Simulation(seed).rng().fork("nemesis"),
                    KafkaNemesis.Timeouts.of(shortSession), 3 * S, 130 * S)) {
                if (e.kind() == FaultClass.CRASH) {
                    longestCrash = Math.max(longestCrash, e.duration());
                }
            }
        }
        assertTrue(longestCrash <= 9 * S && longestCrash > 3 * S, "crashes last up to 3x the 3 s session: " + longestCrash);
    }
}
