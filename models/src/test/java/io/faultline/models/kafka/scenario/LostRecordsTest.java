package io.faultline.models.kafka.scenario;

import io.faultline.checker.history.Value;
import io.faultline.checker.log.AnomalyType;
import io.faultline.checker.log.KafkaLogChecker;
import io.faultline.models.kafka.check.LostRecords;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lost-and-duplicated-records finding names the records the checks found, with who
 * acknowledged each, which leader and epoch answered, and where it went; a run that loses nothing
 * lists nothing.
 */
class LostRecordsTest {

    private static Table lostRecords(Scenario s, long seed, String... settings) {
        RunResult r = s.run(s.spec(seed, List.of(settings), Optional.empty()));
        Table t = r.findings().stream().filter(f -> f.name().equals(LostRecords.TITLE)).findFirst().orElseThrow();
        assertEquals(LostRecords.COLUMNS, t.columns());
        return t;
    }

    private static String cell(List<String> row, String column) {
        return row.get(LostRecords.COLUMNS.indexOf(column));
    }

    private static List<List<String>> rows(Table t, String kind) {
        return t.rows().stream().filter(r -> cell(r, "record").equals(kind)).toList();
    }

    @Test
    void jepsen2013NamesEachLostAcknowledgedWriteWithItsLeaderAndEpoch() {
        Scenario s = Jepsen2013Scenario.SCENARIO;
        RunResult r = s.run(s.spec(1, List.of(), Optional.empty()));
        Table t = r.findings().get(0);
        List<List<String>> lost = rows(t, "lost");
        assertFalse(lost.isEmpty(), t::toString);
        for (List<String> row : lost) {
            assertTrue(cell(row, "leader").matches("b[1-5]"), row::toString);
            assertTrue(cell(row, "epoch").matches("\\d+"), row::toString);
            assertTrue(cell(row, "offset").matches("\\d+"), row::toString);
            assertTrue(cell(row, "process").matches("\\d+"), row::toString);
            assertTrue(cell(row, "acked at").matches("[0-9.]+(ms|s)"), row::toString);
            assertFalse(cell(row, "where it went").isEmpty(), row::toString);
        }
        // Exactly the writes Jepsen's checker calls lost (C10): the table explains the verdict, no more, no less.
        Set<String> lostByChecker = new TreeSet<>();
        new KafkaLogChecker().check(r.history()).of(AnomalyType.LOST_WRITE)
                .forEach(a -> a.values().forEach(v -> lostByChecker.add(String.valueOf(((Value.Int) v).value()))));
        Set<String> listed = new TreeSet<>(lost.stream().map(row -> cell(row, "value")).toList());
        assertEquals(lostByChecker, listed);
    }

    @Test
    void aWriteTruncatedByAFollowerSaysFromWhichBrokerAndWhen() {
        // KIP-101 scenario 1 (C5.2): b2 truncates to its HW on restart, then becomes leader.
        List<List<String>> lost = rows(lostRecords(Kip101Scenario1.SCENARIO, 1, "kafka.version=0.10"), "lost");
        assertFalse(lost.isEmpty());
        assertTrue(lost.stream().anyMatch(row -> cell(row, "where it went").matches(".*truncated from b2 at [0-9.]+s.*")),
                lost::toString);
    }

    @Test
    void aWriteLostWithAnUnflushedLeaderSaysItWasNeverReplicatedAndGoneAfterTheCrash() {
        List<List<String>> lost = rows(lostRecords(AcksOneFailoverScenario.SCENARIO, 1), "lost");
        assertFalse(lost.isEmpty());
        assertTrue(lost.stream().allMatch(row -> cell(row, "where it went").startsWith("never replicated")), lost::toString);
        assertTrue(lost.stream().anyMatch(row -> cell(row, "where it went").contains("disk after a crash")), lost::toString);
    }

    @Test
    void theSafeConfigurationListsNothing() {
        assertEquals(List.of(), lostRecords(SafeScenario.SCENARIO, 1).rows());
        assertEquals(List.of(), lostRecords(Jepsen2013Scenario.SCENARIO, 1, "kafka.version=3.7").rows());
    }
}
