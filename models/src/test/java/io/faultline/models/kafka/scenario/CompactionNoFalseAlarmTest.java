package io.faultline.models.kafka.scenario;

import io.faultline.checker.Outcome;
import io.faultline.checker.log.AnomalyType;
import io.faultline.checker.log.LogCheckResult;
import io.faultline.models.kafka.check.LostRecords;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kafka/safe} on a compacted topic (FIDELITY C8.4): keyed records on few keys, small
 * segments and a cleaner every second, so the cleaner removes many acknowledged values under the
 * lagging consumer while the nemesis crashes and partitions brokers. Nothing is judged lost: the
 * runs are VALID, and what the cleaner removed is listed as compacted, never as lost.
 */
class CompactionNoFalseAlarmTest {
    static final String[] COMPACTED = {"cleanup.policy=compact", "kafka.producer.partitioning=keyed",
            "kafka.producer.keys=4", "segment.bytes=1000", "log.cleaner.backoff.ms=1000"};
    private static final int SEEDS = 25;

    @Test
    void aCompactedTopicUnderFaultsRaisesNoFalseAlarm() {
        Scenario s = SafeScenario.SCENARIO;
        int compactedRows = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunResult r = s.run(s.spec(seed, List.of(COMPACTED), Optional.empty()));
            System.out.println("kafka/safe compacted, seed " + seed + ": " + r.outcome() + " " + r.checks());
            assertEquals(Outcome.VALID, r.outcome(), "seed " + seed + ": " + r.checks());
            Table t = r.findings().stream().filter(f -> f.name().equals(LostRecords.TITLE)).findFirst().orElseThrow();
            for (List<String> row : t.rows()) {
                assertTrue(!row.get(0).equals("lost"), "seed " + seed + ": " + row);
                if (row.get(0).equals("compacted")) {
                    compactedRows++;
                    assertTrue(row.get(row.size() - 1).startsWith("compacted (a newer value of key "), row::toString);
                }
            }
        }
        // The property is about something: the cleaner did remove acknowledged values.
        assertTrue(compactedRows > 0, "no seed compacted anything away");
    }

    @Test
    void theSameHistoryJudgedWithoutRecordKeysIsALoss() {
        RunResult r = SafeScenario.SCENARIO.run(SafeScenario.SCENARIO.spec(1, List.of(COMPACTED), Optional.empty()));
        LogCheckResult blind = KafkaScenariosTest.anomalies(r); // a checker not told the topic is compacted
        assertTrue(!blind.of(AnomalyType.LOST_WRITE).isEmpty() || !blind.of(AnomalyType.UNSEEN).isEmpty(),
                "compaction removed values a reader passed over: " + blind.summary());
    }
}
