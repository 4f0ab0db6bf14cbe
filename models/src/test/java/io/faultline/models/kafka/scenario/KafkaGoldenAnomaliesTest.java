package io.faultline.models.kafka.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.checker.log.Anomaly;
import io.faultline.checker.log.KafkaLogChecker;
import io.faultline.checker.log.LogCheckResult;
import io.faultline.sim.CheckResult;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Kafka log check's exact answers on a few failing seeds, recorded when it moved from reading the
 * finished history back to judging each op as it is recorded (issue 18), and identical then to what
 * the offline code answered on 30 to 50 seeds of every kafka row: which anomalies, on which key and
 * values, naming which ops, in which order. Each case holds the run's own check (the cluster's online
 * check) and the anomalies of the same history fed to {@link KafkaLogChecker#check}: both go through
 * the one implementation, and a change to a rule or to the read-back of named ops shows here.
 */
class KafkaGoldenAnomaliesTest {

    private static List<String> lines(String scenario, long seed, String... overrides) {
        Scenario s = Scenarios.get(scenario);
        System.out.println("[kafka-golden] " + scenario + " seed " + seed + " " + List.of(overrides));
        RunResult r = s.run(s.spec(seed, List.of(overrides), Optional.empty()));
        List<String> out = new ArrayList<>();
        for (CheckResult c : r.checks()) {
            if (c.name().startsWith("kafka log anomalies")) {
                out.add(c.outcome() + " " + c.detail());
            }
        }
        LogCheckResult again = new KafkaLogChecker().check(r.history());
        for (Anomaly a : again.anomalies()) {
            String line = a.toString();
            // A redelivery lists every value handed twice: its start and its ops say enough.
            out.add(line.length() <= 200 ? line : line.substring(0, 160) + " ... " + line.substring(line.indexOf(": ")));
        }
        System.out.println(String.join("\n", out));
        return out;
    }

    @Test
    void hwTruncationLosesAnAcknowledgedWrite() {
        assertEquals(List.of(
                "INVALID INVALID inconsistent-offsets=1 lost-write=1 unseen=1; inconsistent-offsets key 0 values [1000505, 1000515]: offset 261 holds 2 different values ops [#2605, #2655]; lost-write key 0 values [1000505]: acknowledged at index 261 but never read, though 1001280 at index 632 was ops [#2605, #4617]; unseen key 0 values [1000505]: 1 acknowledged value(s) never polled ops [#2605]",
                "inconsistent-offsets key 0 values [1000505, 1000515]: offset 261 holds 2 different values ops [#2605, #2655]",
                "lost-write key 0 values [1000505]: acknowledged at index 261 but never read, though 1001280 at index 632 was ops [#2605, #4617]",
                "unseen key 0 values [1000505]: 1 acknowledged value(s) never polled ops [#2605]"),
                lines("kafka/safe", 4, "kafka.truncation=hw"));
    }

    @Test
    void acksOneLosesWritesAndReordersPolls() {
        assertEquals(List.of(
                "INVALID INVALID group-nonmonotonic-poll=2 inconsistent-offsets=1 lost-write=1 nonmonotonic-poll=2 unseen=1; inconsistent-offsets key 1 values [1000067, 1000071]: offset 35 holds 2 different values ops [#172, #283]; lost-write key 1 values [1000067]: acknowledged at index 35 but never read, though 1002016 at index 998 was ops [#172, #5805]; unseen key 1 values [1000067]: 1 acknowledged value(s) never polled ops [#172]",
                "inconsistent-offsets key 1 values [1000067, 1000071]: offset 35 holds 2 different values ops [#172, #283]",
                "lost-write key 1 values [1000067]: acknowledged at index 35 but never read, though 1002016 at index 998 was ops [#172, #5805]",
                "nonmonotonic-poll key 1 values [1000065, 1000001]: went from index 34 to 0 ops [#174, #418]",
                "nonmonotonic-poll key 1 values [1000204, 1000161]: went from index 93 to 73 ops [#622, #814]",
                "unseen key 1 values [1000067]: 1 acknowledged value(s) never polled ops [#172]",
                "group-nonmonotonic-poll key 1 values [1000001, 1000002, 1000003, 1000005, 1000009, 1000010, 1000011, 1000013, 1000014, 1000015, 1000017, 1000019, 1000020, 10000 ... : 56 value(s) handed to the group more than once (at-least-once redelivery) ops [#132, #418]",
                "group-nonmonotonic-poll key 0 values [1000000, 1000004, 1000006, 1000007, 1000008, 1000012, 1000016, 1000018, 1000024, 1000031, 1000032, 1000033, 1000034, 10000 ... : 32 value(s) handed to the group more than once (at-least-once redelivery) ops [#133, #814]"),
                lines("kafka/safe", 30, "acks=1"));
    }

    @Test
    void processingAfterTheCommitSkipsRecordsForTheGroup() {
        assertEquals(List.of(
                "INVALID INVALID group-poll-skip=1; group-poll-skip key 0 values [1000309, 1000311, 1000313, 1000315, 1000318]: 5 value(s) in the log below index 441 that no group member was handed ops [#1502, #2945]",
                "group-poll-skip key 0 values [1000309, 1000311, 1000313, 1000315, 1000318]: 5 value(s) in the log below index 441 that no group member was handed ops [#1502, #2945]"),
                lines("kafka/safe", 11, "kafka.consumer.processing=after-commit"));
    }

    @Test
    void kip101ScenarioOneSendsOutOfOrder() {
        assertEquals(List.of(
                "INVALID INVALID inconsistent-offsets=2 lost-write=2 nonmonotonic-send=1 unseen=1; inconsistent-offsets key 0 values [1000025, 1000027]: offset 25 holds 2 different values ops [#53, #57]; inconsistent-offsets key 0 values [1000026, 1000028]: offset 26 holds 2 different values ops [#55, #59]; lost-write key 0 values [1000025]: acknowledged at index 25 but never read, though 1000187 at index 185 was ops [#53, #563]; lost-write key 0 values [1000026]: acknowledged at index 26 but never read, though 1000187 at index 185 was ops [#55, #563]; nonmonotonic-send key 0 values [1000026, 1000027]: landed at index 25, not after the previous send at 26 ops [#55, #57]",
                "inconsistent-offsets key 0 values [1000025, 1000027]: offset 25 holds 2 different values ops [#53, #57]",
                "inconsistent-offsets key 0 values [1000026, 1000028]: offset 26 holds 2 different values ops [#55, #59]",
                "lost-write key 0 values [1000025]: acknowledged at index 25 but never read, though 1000187 at index 185 was ops [#53, #563]",
                "lost-write key 0 values [1000026]: acknowledged at index 26 but never read, though 1000187 at index 185 was ops [#55, #563]",
                "nonmonotonic-send key 0 values [1000026, 1000027]: landed at index 25, not after the previous send at 26 ops [#55, #57]",
                "unseen key 0 values [1000025, 1000026]: 2 acknowledged value(s) never polled ops [#53, #55]"),
                lines("kafka/kip-101-scenario-1", 10));
    }
}
