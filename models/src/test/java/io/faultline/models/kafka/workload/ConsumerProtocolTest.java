package io.faultline.models.kafka.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.log.AnomalyType;
import io.faultline.checker.log.KafkaOps;
import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.scenario.KafkaCluster;
import io.faultline.sim.BadInputException;
import io.faultline.sim.Simulation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * KIP-848's observable difference (FIDELITY C7.8): a member joins while another is busy with a long
 * batch. With the classic protocol's default (range, eager) every member gives up its partitions
 * and waits at the join barrier for the busy one, so the member the rebalance does not touch is
 * handed nothing for as long as the batch lasts; with {@code group.protocol=consumer} it goes on
 * consuming. Neither loses a record.
 */
class ConsumerProtocolTest {
    private static final long S = Simulation.SECONDS;
    static final long SEED = 7;

    /** Records handed to the first member between 25 s and 45 s; m2's batch from 20 s takes 30 s. */
    private static long handedToUnaffectedMemberDuringTheRebalance(String protocol) {
        System.out.println("ConsumerProtocolTest seed " + SEED + ", group.protocol=" + protocol);
        Simulation sim = new Simulation(SEED);
        KafkaConfig config = KafkaConfig.of(Map.of("kafka.version", "4.0", "group.protocol", protocol,
                "acks", "all", "kafka.consumer.processing.ms", "50"));
        KafkaCluster c = KafkaCluster.create(sim, config, new ClusterShape(3, 4, 3));
        c.addProducer(1, 50 * Simulation.MILLIS, 60 * S);
        KafkaCluster.GroupConsumerHandle m1 = c.addGroupConsumer("g", 100 * Simulation.MILLIS, 500);
        KafkaCluster.GroupConsumerHandle m2 = c.addGroupConsumer("g", 100 * Simulation.MILLIS, 500);
        sim.run(20 * S);
        assertEquals(2, m1.consumer().orElseThrow().owned().size(), "two members share four partitions: " + protocol);
        m2.consumer().orElseThrow().stallNextBatch(30 * S);
        sim.run(21 * S);
        c.addGroupConsumer("g", 100 * Simulation.MILLIS, 500);
        sim.run(80 * S);
        assertTrue(c.logCheck().of(AnomalyType.GROUP_POLL_SKIP).isEmpty(), protocol + ": nothing skipped");
        int process = m1.consumer().orElseThrow().process();
        long n = 0;
        for (Op op : c.history().ops()) {
            long t = op.time().orElse(0);
            if (op.process() == process && op.type() == OpType.OK && op.f().equals(KafkaOps.POLL)
                    && t >= 25 * S && t < 45 * S) {
                n += KafkaOps.reads(op).values().stream().mapToLong(List::size).sum();
            }
        }
        System.out.println("group.protocol=" + protocol + ": m1 was handed " + n + " records in 25-45 s");
        return n;
    }

    @Test
    void theConsumerProtocolKeepsAnUnaffectedMemberConsumingWhereTheClassicBarrierStopsIt() {
        assertEquals(0, handedToUnaffectedMemberDuringTheRebalance("classic"),
                "classic, eager: m1 gave up its partitions and waits at the barrier for the busy member");
        assertTrue(handedToUnaffectedMemberDuringTheRebalance("consumer") > 50,
                "consumer: m1 keeps (at least one of) its partitions and reads them throughout");
    }

    @Test
    void theConsumerProtocolNeedsKafka40() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> KafkaConfig.of(Map.of("kafka.version", "3.7", "group.protocol", "consumer")));
        assertTrue(e.getMessage().startsWith("group.protocol=consumer"), e.getMessage());
    }
}
