package io.faultline.models.kafka.config;

import java.util.List;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The consumer-group and offset keys of the model (part of {@link KafkaKeys#ALL}): Kafka's real
 * names and defaults per version (FIDELITY C7), plus three {@code kafka.consumer.*} keys that
 * describe what the application does around its commits (not Kafka settings, so named apart).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConsumerKeys {
    private ConsumerKeys() {
    }

    // Built from KafkaKeys' nested types only: KafkaKeys.ALL includes this class's ALL, so touching
    // KafkaKeys' statics from here would make the class initialisation order matter.
    private static final KafkaKeys.Choice BOOL = new KafkaKeys.Choice(List.of("true", "false"));

    private static Function<KafkaVersion, String> always(String v) {
        return x -> v;
    }

    private static KafkaKeys.Key key(String name, String doc, Function<KafkaVersion, String> d, KafkaKeys.Allowed a) {
        return new KafkaKeys.Key(name, doc, d, a);
    }

    public static final KafkaKeys.Key SESSION = key("session.timeout.ms",
            "a group member not heard from for this long is removed and the group rebalances (C7.2); "
                    + "45000 from 3.0 (KIP-735), 10000 before",
            v -> v.atLeast(KafkaVersion.V3_7) ? "45000" : "10000", new KafkaKeys.Range(1, 3_600_000));
    public static final KafkaKeys.Key HEARTBEAT = key("heartbeat.interval.ms",
            "how often a group member heartbeats its coordinator (C7.2)", always("3000"),
            new KafkaKeys.Range(1, 3_600_000));
    public static final KafkaKeys.Key MAX_POLL_INTERVAL = key("max.poll.interval.ms",
            "a member that does not call poll for this long leaves its group (C7.2); also the rebalance timeout",
            always("300000"), new KafkaKeys.Range(1, 86_400_000));
    public static final KafkaKeys.Key INITIAL_DELAY = key("group.initial.rebalance.delay.ms",
            "how long the coordinator waits for more members before an empty group's first rebalance (C7.1)",
            v -> v.atLeast(KafkaVersion.V0_11) ? "3000" : "0", new KafkaKeys.Range(0, 3_600_000));
    public static final KafkaKeys.Key STRATEGY = key("partition.assignment.strategy",
            "range (eager rebalancing: every member revokes everything) or cooperative-sticky (only moved "
                    + "partitions are revoked, KIP-429) (C7.3); range is what the default list picks; ignored with group.protocol=consumer, whose "
                    + "coordinator assigns (C7.8)",
            always("range"), new KafkaKeys.Choice(List.of("range", "cooperative-sticky")));
    public static final KafkaKeys.Key PROTOCOL = key("group.protocol",
            "classic (JoinGroup and SyncGroup around a group-wide barrier, C7.2) or consumer (KIP-848, from 4.0: "
                    + "the coordinator assigns and members converge one by one through heartbeats; "
                    + "partition.assignment.strategy, session.timeout.ms and heartbeat.interval.ms give way to "
                    + "the group.consumer.* broker keys, C7.8)",
            always("classic"), new KafkaKeys.Choice(List.of("classic", "consumer")));
    public static final KafkaKeys.Key CONSUMER_SESSION = key("group.consumer.session.timeout.ms",
            "group.protocol=consumer: a member not heard from for this long is removed (a broker key, C7.8)",
            always("45000"), new KafkaKeys.Range(1, 3_600_000));
    public static final KafkaKeys.Key CONSUMER_HEARTBEAT = key("group.consumer.heartbeat.interval.ms",
            "group.protocol=consumer: how often members heartbeat (a broker key, C7.8)",
            always("5000"), new KafkaKeys.Range(1, 3_600_000));
    public static final KafkaKeys.Key INSTANCE_ID = key("group.instance.id",
            "unset (dynamic members) or host (each consumer's host name: static membership, KIP-345, C7.4)",
            always("unset"), new KafkaKeys.Choice(List.of("unset", "host")));
    public static final KafkaKeys.Key AUTO_COMMIT = key("enable.auto.commit",
            "commit the positions of returned records from within poll, every auto.commit.interval.ms, "
                    + "and before a rebalance revokes partitions (C7.5)",
            always("true"), BOOL);
    public static final KafkaKeys.Key AUTO_COMMIT_INTERVAL = key("auto.commit.interval.ms",
            "period of the automatic commit (C7.5)", always("5000"), new KafkaKeys.Range(1, 86_400_000));
    public static final KafkaKeys.Key OFFSETS_PARTITIONS = key("offsets.topic.num.partitions",
            "partitions of __consumer_offsets; a group's coordinator leads partition abs(hash(group)) % this (C7.1)",
            always("50"), new KafkaKeys.Range(1, 1000));
    public static final KafkaKeys.Key OFFSETS_RF = key("offsets.topic.replication.factor",
            "replicas of each __consumer_offsets partition (C7.6)", always("3"), new KafkaKeys.Range(1, 16));
    public static final KafkaKeys.Key COMMIT = key("kafka.consumer.commit",
            "what the application calls when enable.auto.commit=false: sync (commitSync) or async "
                    + "(commitAsync), after each poll's records (C7.5)",
            always("sync"), new KafkaKeys.Choice(List.of("sync", "async")));
    public static final KafkaKeys.Key PROCESSING = key("kafka.consumer.processing",
            "before-commit: the application processes a poll's records before the commit covering them "
                    + "(at-least-once); after-commit: it hands them to a worker and the commit comes first "
                    + "(at-most-once: a crash loses them) (C7.5)",
            always("before-commit"), new KafkaKeys.Choice(List.of("before-commit", "after-commit")));
    public static final KafkaKeys.Key PROCESSING_MS = key("kafka.consumer.processing.ms",
            "how long the application takes to process one poll's records", always("200"),
            new KafkaKeys.Range(0, 86_400_000));

    /** The keys in documentation order. */
    public static final List<KafkaKeys.Key> ALL = List.of(SESSION, HEARTBEAT, MAX_POLL_INTERVAL, INITIAL_DELAY,
            STRATEGY, PROTOCOL, CONSUMER_SESSION, CONSUMER_HEARTBEAT, INSTANCE_ID, AUTO_COMMIT, AUTO_COMMIT_INTERVAL,
            OFFSETS_PARTITIONS, OFFSETS_RF, COMMIT, PROCESSING, PROCESSING_MS);
}
