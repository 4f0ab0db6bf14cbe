package io.faultline.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.log.AnomalyType;
import io.faultline.checker.log.KafkaLogChecker;
import io.faultline.checker.log.KafkaOps;
import io.faultline.checker.log.LogCheckResult;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;

/** The code of docs/kafka.adoc, compiled and run by the build. */
class KafkaChapterTest {

    @Test
    void kip101Scenario1() {
        // tag::kip101[]
        Scenario kip101 = Scenarios.get("kafka/kip-101-scenario-1");
        RunResult before = kip101.run(kip101.spec(1, List.of("kafka.version=0.10"), Optional.empty()));
        RunResult after = kip101.run(kip101.spec(1, List.of("kafka.version=0.11"), Optional.empty()));

        LogCheckResult found = new KafkaLogChecker().check(before.history());
        found.of(AnomalyType.LOST_WRITE).forEach(System.out::println);   // the acknowledged m2

        assertEquals(Outcome.INVALID, before.outcome());
        assertFalse(found.of(AnomalyType.LOST_WRITE).isEmpty());
        assertEquals(Outcome.VALID, after.outcome());
        // end::kip101[]
    }

    @Test
    void checkingAHandMadeHistory() {
        // tag::checker[]
        HistoryBuilder h = new HistoryBuilder();
        Value p0 = Value.of(0);
        h.invoke(0, "send", KafkaOps.sendInvoke(p0, Value.of(10)), 1);
        h.complete(0, OpType.OK, "send", KafkaOps.sendOk(p0, OptionalLong.of(0), Value.of(10)), 2);
        h.invoke(0, "send", KafkaOps.sendInvoke(p0, Value.of(11)), 3);
        h.complete(0, OpType.OK, "send", KafkaOps.sendOk(p0, OptionalLong.of(1), Value.of(11)), 4);
        h.invoke(1, "poll", KafkaOps.pollInvoke(), 5);
        h.complete(1, OpType.OK, "poll", KafkaOps.pollOk(Map.of(p0, List.of(
                new KafkaOps.Read(0, Value.of(10)), new KafkaOps.Read(1, Value.of(12))))), 6);
        History history = h.build();

        LogCheckResult r = new KafkaLogChecker().check(history);
        System.out.println(r.summary());   // INVALID inconsistent-offsets=1 lost-write=1 unseen=1
        // end::checker[]
        assertEquals(Outcome.INVALID, r.outcome());
        assertEquals(1, r.of(AnomalyType.LOST_WRITE).size());
    }
}
