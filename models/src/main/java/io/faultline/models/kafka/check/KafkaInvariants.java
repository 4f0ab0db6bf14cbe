package io.faultline.models.kafka.check;

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

/**
 * The model's safety properties, checked after every event:
 * <ul>
 *   <li>at most one leader per partition and leader epoch (FIDELITY C4, leader epochs);</li>
 *   <li>a leader's HW is never above its LEO (C1);</li>
 *   <li>in configurations that promise it (acks=all, min.insync.replicas at least 2, unclean
 *       election off, epoch-based truncation: C3, C4, C5), the committed prefix is never lost: every
 *       leader's log still holds, at the same offset, the last record any leader ever committed.</li>
 * </ul>
 */
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

    /** Tracks the highest committed record per partition and checks every leader still holds it. */
    private static final class CommittedPrefixKept implements Invariant {
        private final KafkaCluster cluster;
        private final List<long[]> committed = new ArrayList<>(); // per partition: {offset, epoch, value}

        CommittedPrefixKept(KafkaCluster cluster) {
            this.cluster = cluster;
            for (int p = 0; p < cluster.partitions(); p++) {
                committed.add(new long[] {-1, 0, 0});
            }
        }

        public String name() {
            return "an acknowledged write below the HW is never truncated";
        }

        public Optional<String> check(Simulation s) {
            for (int b = 0; b < cluster.brokerHosts().size(); b++) {
                Optional<Broker> br = cluster.broker(b);
                for (int p = 0; br.isPresent() && p < cluster.partitions(); p++) {
                    if (!br.get().isLeader(p)) {
                        continue;
                    }
                    ReplicaLog log = br.get().log(p).orElseThrow();
                    long[] c = committed.get(p);
                    if (c[0] >= 0) {
                        if (log.leo() <= c[0] || log.get(c[0]).value() != c[2] || log.get(c[0]).epoch() != c[1]) {
                            return Optional.of("p" + p + " leader b" + (b + 1) + " lost committed offset " + c[0]
                                    + " (value " + c[2] + ")");
                        }
                    }
                    long hw = log.highWatermark();
                    if (hw - 1 > c[0]) {
                        LogRecord r = log.get(hw - 1);
                        committed.set(p, new long[] {hw - 1, r.epoch(), r.value()});
                    }
                }
            }
            return Optional.empty();
        }
    }
}
