package io.faultline.models.kafka.check;

import io.faultline.models.kafka.wire.PartitionState;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.config.TruncationRule;
import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.models.kafka.rules.ReplicaLog;
import io.faultline.models.kafka.scenario.KafkaCluster;
import io.faultline.models.kafka.server.Broker;
import io.faultline.sim.Invariant;
import io.faultline.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The model's safety properties, checked after every event:
 * <ul>
 *   <li>at most one leader per partition and leader epoch (FIDELITY C4, leader epochs);</li>
 *   <li>a leader's HW is never above its LEO (C1);</li>
 *   <li>in configurations that promise it (acks=all, min.insync.replicas at least 2, unclean
 *       election off, epoch-based truncation: C3, C4, C5), the committed prefix is never lost: the
 *       current leader's log (the one the controller names, once it has taken up that epoch) still
 *       holds, at the same offset, the last record a current leader ever committed.</li>
 * </ul>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class KafkaInvariants {
    private KafkaInvariants() {
    }

    static boolean promisesNoLoss(KafkaConfig c) {
        return c.acks() == KafkaConfig.Acks.ALL && c.minInsyncReplicas() >= 2 && !c.uncleanLeaderElection()
                && c.truncation() != TruncationRule.HIGH_WATERMARK;
    }

    public static void install(Simulation sim, KafkaCluster cluster) {
        sim.addInvariant(new Invariant() {
            public String name() {
                return "one leader per partition and leader epoch";
            }

            /** The brokers that are up, refreshed by each check (one run, one thread). */
            private Broker[] up = new Broker[0];

            public Optional<String> check(Simulation s) {
                // Runs after every event: a few brokers, so compare leaders pairwise, without allocating.
                int brokers = cluster.brokerHosts().size();
                if (up.length != brokers) {
                    up = new Broker[brokers];
                }
                for (int b = 0; b < brokers; b++) {
                    up[b] = cluster.broker(b).orElse(null);
                }
                for (int p = 0; p < cluster.partitions(); p++) {
                    for (int b = 0; b < brokers; b++) {
                        if (up[b] == null || !up[b].isLeader(p)) {
                            continue;
                        }
                        int epoch = up[b].leaderEpoch(p);
                        for (int other = 0; other < b; other++) {
                            if (up[other] != null && up[other].isLeader(p) && up[other].leaderEpoch(p) == epoch) {
                                return Optional.of("p" + p + " epoch " + epoch
                                        + " led by brokers " + other + " and " + b);
                            }
                        }
                    }
                }
                return Optional.empty();
            }
        });
        sim.addInvariant(new Invariant() {
            public String name() {
                return "leader HW never above its LEO";
            }

            public Optional<String> check(Simulation s) {
                for (int b = 0; b < cluster.brokerHosts().size(); b++) {
                    Optional<Broker> br = cluster.broker(b);
                    for (int p = 0; br.isPresent() && p < cluster.partitions(); p++) {
                        if (br.get().isLeader(p)) {
                            ReplicaLog log = br.get().log(p).orElseThrow();
                            if (log.highWatermark() > log.leo()) {
                                return Optional.of("b" + (b + 1) + " p" + p + " hw " + log.highWatermark() + " > leo " + log.leo());
                            }
                        }
                    }
                }
                return Optional.empty();
            }
        });
        if (promisesNoLoss(cluster.config())) {
            sim.addInvariant(new CommittedPrefixKept(cluster));
        }
    }

    /**
     * Tracks the highest committed record per partition and checks that the partition's current
     * leader still holds it. "Current" is the leader the controller names, once that broker has
     * taken up the controller's epoch: that is the log producers and consumers are sent to. A
     * deposed leader that has not yet heard of its successor (a paused or partitioned broker that
     * still believes it leads) is a stale view, not the system's, and is not judged; its suffix is
     * truncated when it learns the truth (FIDELITY C5).
     */
    static final class CommittedPrefixKept implements Invariant {
        /** The invariant's name; a violation is reported as the anomaly kind {@code "invariant " + NO_LOSS}. */
        static final String NO_LOSS = "an acknowledged write below the HW is never truncated";

        private final KafkaCluster cluster;
        private final List<long[]> committed = new ArrayList<>(); // per partition: {offset, value}

        CommittedPrefixKept(KafkaCluster cluster) {
            this.cluster = cluster;
            for (int p = 0; p < cluster.partitions(); p++) {
                committed.add(new long[] {-1, 0});
            }
        }

        public String name() {
            return NO_LOSS;
        }

        public Optional<String> check(Simulation s) {
            for (int p = 0; p < cluster.partitions(); p++) {
                Optional<ReplicaLog> settled = settledLeaderLog(cluster, p);
                if (settled.isEmpty()) {
                    continue; // the named leader has not taken over yet: nobody serves this partition
                }
                PartitionState named = cluster.controller().partitions().get(p);
                ReplicaLog log = settled.get();
                Optional<String> lost = judge(committed.get(p), log);
                if (lost.isPresent()) {
                    return Optional.of("p" + p + " leader b" + (named.leader() + 1) + " (epoch " + named.leaderEpoch()
                            + ") " + lost.get());
                }
                long hw = log.highWatermark();
                if (hw - 1 > committed.get(p)[0] && hw - 1 >= log.logStartOffset()) {
                    committed.set(p, new long[] {hw - 1, log.get(hw - 1).value()});
                }
            }
            return Optional.empty();
        }

        /**
         * Whether {@code leaderLog} still holds the committed record {@code {offset, value}} at its
         * offset (values are unique per run, so the value names the record).
         */
        static Optional<String> judge(long[] committedRecord, ReplicaLog leaderLog) {
            long offset = committedRecord[0];
            if (offset < 0) {
                return Optional.empty();
            }
            if (offset < leaderLog.logStartOffset()) {
                return Optional.empty(); // deleted by retention (C8.2), which is not a loss
            }
            if (leaderLog.leo() <= offset || leaderLog.get(offset).value() != committedRecord[1]) {
                return Optional.of("lost committed offset " + offset + " (value " + committedRecord[1] + ")");
            }
            return Optional.empty();
        }
    }

    /**
     * The system's view of partition {@code p}: the log of the leader the controller names, once
     * that broker has taken up the controller's epoch; empty while the partition is offline or the
     * named leader has not taken over. A deposed leader that still believes it leads is not it.
     */
    public static Optional<ReplicaLog> settledLeaderLog(KafkaCluster cluster, int p) {
        PartitionState named = cluster.controller().partitions().get(p);
        if (!named.online()) {
            return Optional.empty();
        }
        Optional<Broker> br = cluster.broker(named.leader());
        if (br.isEmpty() || !br.get().isLeader(p) || br.get().leaderEpoch(p) != named.leaderEpoch()) {
            return Optional.empty();
        }
        return br.get().log(p);
    }

    /** The anomaly kind a run stopped by the no-loss invariant reports: the model's own lost-write. */
    public static final String LOST_COMMITTED = "invariant " + CommittedPrefixKept.NO_LOSS;
}
