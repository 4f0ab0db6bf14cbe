package io.faultline.labs.kafkas3;

import io.faultline.faults.FaultSpace;
import io.faultline.faults.Target;
import io.faultline.faults.Trial;
import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.scenario.KafkaCluster;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.scenario.S3Cluster;
import io.faultline.sim.Host;
import io.faultline.sim.HostId;
import io.faultline.sim.Latency;
import io.faultline.sim.LinkSpec;
import io.faultline.sim.Simulation;
import io.faultline.sim.client.Recorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One graded run of lab 4 on a {@link Trial}: a Kafka cluster (three brokers, a topic of three
 * partitions) with a producer writing through the safety phase, strong S3 (bucket {@code sink}),
 * and a group of sink members, each the student's {@link SinkTask} inside a group consumer (FIDELITY
 * C7). Faults (crashes, pauses, partitions) hit the members during the safety phase; in the
 * liveness phase the group must drain the topic to S3, which an auditor host reads back.
 */
final class SinkRun {
    static final long SAFETY = 10 * Simulation.SECONDS;
    static final long DRAIN = 40 * Simulation.SECONDS;
    static final String GROUP = "sink";

    /**
     * Short group timeouts, so that a crashed or paused member's partitions move within seconds (C7.2):
     * the smallest session the brokers accept by default, and no auto-commit: the sink commits.
     */
    private static final Map<String, String> CONSUMER = new TreeMap<>();

    static {
        CONSUMER.put("enable.auto.commit", "false");
        CONSUMER.put("session.timeout.ms", "2000");
        CONSUMER.put("heartbeat.interval.ms", "500");
        CONSUMER.put("max.poll.interval.ms", "4000");
        CONSUMER.put("group.initial.rebalance.delay.ms", "0");
        // A sink copies the topic from its start: with Kafka's default (latest) a group that has not
        // committed yet would skip what was written before it first joined (FIDELITY C8.3).
        CONSUMER.put("auto.offset.reset", "earliest");
    }

    /**
     * The members reach S3 over a slower link than the cluster's LAN, with a heavy tail: S3
     * requests take tens of milliseconds, and now and then longer than the client's 1 s timeout,
     * so a write that took effect is sometimes reported as unanswered and retried.
     */
    private static final LinkSpec S3_LINK = LinkSpec.of(Latency.logNormal(20 * Simulation.MILLIS, 0.5).withTail(0.02, 60));

    private final Trial trial;
    private final KafkaCluster kafka;
    private final Host auditor;

    private SinkRun(Trial trial, KafkaCluster kafka, Host auditor) {
        this.trial = trial;
        this.kafka = kafka;
        this.auditor = auditor;
    }

    static SinkRun start(Trial trial, int members) {
        Simulation sim = trial.simulation();
        KafkaCluster kafka = KafkaCluster.create(sim, KafkaConfig.of(CONSUMER), new ClusterShape(3, 3, 2));
        S3Cluster s3 = S3Cluster.build(sim, new Recorder(sim), S3Config.defaults(),
                new io.faultline.models.s3.config.ClusterShape(3, 2, List.of(SinkS3.BUCKET)));
        kafka.addProducer(1, 40 * Simulation.MILLIS, SAFETY);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            HostId frontEnd = s3.frontEnds().get(i % 2).id();
            String name = "member" + (i + 1);
            KafkaCluster.GroupConsumerHandle h = kafka.addGroupConsumer(GROUP, 100 * Simulation.MILLIS, 20,
                    () -> Optional.of(new SinkMember(name, frontEnd)));
            names.add(h.host().name());
            for (Host fe : s3.frontEnds()) {
                sim.network().link(h.host().id(), fe.id(), S3_LINK);
                sim.network().link(fe.id(), h.host().id(), S3_LINK);
            }
        }
        Host auditor = sim.addHost("auditor", self -> new Auditor(s3.frontEnds().get(0).id(), SAFETY));
        SinkRun run = new SinkRun(trial, kafka, auditor);
        trial.safetyPhase(SAFETY)
                .roles((role, s) -> role.equals("members") ? names : List.of())
                .faults(FaultSpace.of(SAFETY * 8 / 10, List.of(new Target.Random("members")))
                        .withKinds(List.of("crash", "pause", "partition")).withMaxEvents(8))
                .history("kafka", kafka::history)
                .progress("progress: the group catches up with the topic in S3", run::drained, DRAIN);
        return run;
    }

    /** The bucket as the auditor last read it whole (empty before its first complete read). */
    private SortedMap<String, String> objects() {
        return auditor.process(Auditor.class).flatMap(Auditor::latest).orElseGet(TreeMap::new);
    }

    /**
     * The group caught up: the bucket holds the last acknowledged record of every partition. Records
     * missing below it are the no-loss check's to report, so a lossy sink still ends its run.
     */
    private boolean drained() {
        TreeSet<ExactlyOnce.Place> acked = ExactlyOnce.acknowledged(kafka.history());
        // Nothing acknowledged is no drain: the producer's records must exist to be judged.
        return !acked.isEmpty() && auditor.process(Auditor.class).flatMap(Auditor::latest).isPresent()
                && ExactlyOnce.holders(objects()).keySet().containsAll(ExactlyOnce.lastOfEachPartition(acked));
    }

    /** Judges no loss: every acknowledged record is in an object. */
    SinkRun noLoss() {
        trial.check("no loss: every acknowledged record is in S3",
                () -> ExactlyOnce.lost(ExactlyOnce.acknowledged(kafka.history()), objects()));
        return this;
    }

    /** Judges no duplicate: no record is in two objects, nor twice in one. */
    SinkRun noDuplicate() {
        trial.check("no duplicate: no record is in S3 twice", () -> ExactlyOnce.duplicated(objects()));
        return this;
    }
}
