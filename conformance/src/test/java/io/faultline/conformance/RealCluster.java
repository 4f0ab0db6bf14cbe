package io.faultline.conformance;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka 4.3 cluster in this JVM, from Kafka's own test kit: one KRaft controller and three
 * brokers (ids 0, 1, 2) listening on loopback only, started with the given
 * {@code replica.lag.time.max.ms} and the group settings of {@link GroupCases} (a broker setting, so one cluster per value). Closing it stops
 * every broker and deletes its logs.
 *
 * <pre>{@code
 * try (RealCluster c = RealCluster.start(3000)) {
 *     CaseOutcome real = CaseRunner.run(w, new RealDriver(c, w));
 * }
 * }</pre>
 */
final class RealCluster implements AutoCloseable {
    final KafkaClusterTestKit kit;
    final long lagMs;
    final Admin admin;

    private RealCluster(KafkaClusterTestKit kit, long lagMs) {
        this.kit = kit;
        this.lagMs = lagMs;
        this.admin = kit.admin();
    }

    static RealCluster start(long lagMs) throws Exception {
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(false)
                .setNumControllerNodes(1).setNumBrokerNodes(3).build())
                .setConfigProp("replica.lag.time.max.ms", Long.toString(lagMs))
                // Auto-created topics and rebalancing would move leaders behind the cases' backs.
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("auto.leader.rebalance.enable", "false")
                // What the consumer-group cases tell the model (GroupCases): one replicated offsets
                // partition, so the group's coordinator is that partition's leader.
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("offsets.topic.replication.factor", "3")
                .setConfigProp("group.initial.rebalance.delay.ms", "3000")
                .build();
        try {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new RealCluster(kit, lagMs);
        } catch (Exception | Error e) {
            kit.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return kit.bootstrapServers();
    }

    Map<Integer, kafka.server.BrokerServer> brokers() {
        return kit.brokers();
    }

    @Override
    public void close() throws Exception {
        try {
            admin.close();
        } finally {
            kit.close();
        }
    }
}
