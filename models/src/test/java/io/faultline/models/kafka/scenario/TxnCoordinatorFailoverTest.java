package io.faultline.models.kafka.scenario;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.log.KafkaOps;
import io.faultline.checker.log.LogCheckResult;
import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.server.Broker;
import io.faultline.models.kafka.workload.JobInput;
import io.faultline.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transaction coordinator's state lives in __transaction_state (FIDELITY C12.2): when the
 * coordinator's broker crashes, the next leader of that partition loads it, finishes what was
 * preparing, and the producer carries on; a read_committed reader still reads every committed
 * record once and nothing aborted.
 */
class TxnCoordinatorFailoverTest {
    private static final long S = Simulation.SECONDS;

    private static Optional<Broker> coordinator(KafkaCluster c) {
        for (int b = 0; b < c.brokerHosts().size(); b++) {
            Optional<Broker> br = c.broker(b);
            if (br.isPresent() && br.get().txnCoordinator().state("job").isPresent()) {
                return br;
            }
        }
        return Optional.empty();
    }

    @Test
    void aNewCoordinatorTakesOverAndTransactionsGoOn() {
        for (long seed = 1; seed <= 3; seed++) {
            Simulation sim = new Simulation(seed);
            KafkaCluster c = KafkaCluster.create(sim, KafkaConfig.of(Map.of("transactional.id", "job",
                    "isolation.level", "read_committed", "request.timeout.ms", "2000")), new ClusterShape(3, 2, 3));
            c.addTransactionalProducer(new JobInput(), 3, 20, 0, 70 * S);
            c.addConsumer(100 * Simulation.MILLIS);
            sim.run(12 * S);
            Broker old = coordinator(c).orElseThrow();
            c.brokerHost(old.id()).crash();
            sim.at(40 * S, "restart the old coordinator", () -> c.brokerHost(old.id()).restart());
            sim.run(35 * S);
            int next = coordinator(c).orElseThrow().id();
            assertNotEquals(old.id(), next, "seed " + seed + ": another replica's broker coordinates now");
            sim.run(90 * S);
            long committedAfter = 0;
            for (Op op : c.history()) {
                if (op.f().equals(KafkaOps.TXN) && op.type() == OpType.OK && op.time().orElse(0) > 45 * S) {
                    committedAfter++;
                }
            }
            assertTrue(committedAfter > 10, "seed " + seed + ": transactions commit after the failover: " + committedAfter);
            LogCheckResult r = c.logCheck();
            assertEquals(Outcome.VALID, r.outcome(), "seed " + seed + ": " + r.summary());
        }
    }
}
