package io.faultline.models.kafka.config;

import io.faultline.sim.scenario.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Every configuration key of the model: Kafka's real names (FIDELITY C2) plus a few {@code kafka.*}
 * keys of the model itself, each with its default per version and its allowed values, and the
 * same table as scenario settings ({@link #schema}); {@link KafkaConfig} is what they resolve to.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class KafkaKeys {
    /**
     * The value meaning "whatever kafka.version defaults to": what a key the scenario leaves alone
     * holds, and what {@code --set KEY=version} restores where a scenario sets its own default. It
     * is accepted but never listed as a value: it is not one; reports and {@code describe} show the
     * value it resolves to ({@link KafkaConfig#shown}).
     */
    public static final String BY_VERSION = "version";

    /**
     * The keys as scenario settings, with the scenario's own defaults given as key-value pairs. A
     * key left at {@link #BY_VERSION} takes the default of the chosen {@code kafka.version} (FIDELITY C2).
     *
     * <pre>{@code
     * List<Setting<?>> schema = KafkaKeys.schema("kafka.version", "0.10", "acks", "all");
     * KafkaConfig c = KafkaConfig.fromSettings(settings);   // --set kafka.version=0.11 etc.
     * }</pre>
     */
    public static List<Setting<?>> schema(String... scenarioDefaults) {
        if (scenarioDefaults.length % 2 != 0) {
            throw new IllegalArgumentException("key-value pairs expected: " + List.of(scenarioDefaults));
        }
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < scenarioDefaults.length; i += 2) {
            m.put(scenarioDefaults[i], scenarioDefaults[i + 1]);
        }
        return schema(m);
    }

    /** The keys as scenario settings, with the scenario's own defaults by key. */
    public static List<Setting<?>> schema(Map<String, String> scenarioDefaults) {
        List<Setting<?>> out = new ArrayList<>();
        for (Key k : ALL) {
            String fallback = k == VERSION ? k.defaultFor(KafkaVersion.V3_7)
                    : k == AUTO_OFFSET_RESET ? JEPSEN_CLIENT_RESET : BY_VERSION;
            String dflt = scenarioDefaults.getOrDefault(k.name(), fallback);
            String allowed = k.allowed() instanceof Choice c ? String.join(", ", c.options())
                    : k.allowed() instanceof Range r ? r.min() + ".." + r.max()
                    : k.allowed() instanceof Fraction ? "0..1" : "";
            boolean byVersion = k != VERSION;
            out.add(Setting.ofText(k.name(), dflt, allowed,
                    raw -> byVersion && raw.equals(BY_VERSION) ? java.util.Optional.empty() : k.allowed().reject(raw), k.doc()));
        }
        return out;
    }

    private KafkaKeys() {
    }

    /** One key: name, meaning, default for a version, and what values are allowed. */
    public record Key(String name, String doc, Function<KafkaVersion, String> defaults, Allowed allowed) {
        public String defaultFor(KafkaVersion v) {
            return defaults.apply(v);
        }
    }

    /** The values a key accepts. */
    public sealed interface Allowed permits Range, Fraction, Choice {
        /** Empty if {@code raw} is allowed, else the description of what is. */
        java.util.Optional<String> reject(String raw);
    }

    /** An integer in [min, max]. */
    public record Range(long min, long max) implements Allowed {
        public java.util.Optional<String> reject(String raw) {
            try {
                long v = Long.parseLong(raw.trim());
                if (v >= min && v <= max) {
                    return java.util.Optional.empty();
                }
            } catch (NumberFormatException e) {
                // fall through to the message
            }
            return java.util.Optional.of("an integer in " + min + ".." + max);
        }
    }

    /** A decimal number in [0, 1]. */
    public record Fraction() implements Allowed {
        public java.util.Optional<String> reject(String raw) {
            try {
                double v = Double.parseDouble(raw.trim());
                if (v >= 0 && v <= 1) {
                    return java.util.Optional.empty();
                }
            } catch (NumberFormatException e) {
                // fall through to the message
            }
            return java.util.Optional.of("a number in 0..1");
        }
    }

    /** One of a fixed set of words. */
    public record Choice(List<String> options) implements Allowed {
        public java.util.Optional<String> reject(String raw) {
            return options.contains(raw.trim()) ? java.util.Optional.empty()
                    : java.util.Optional.of("one of " + String.join(", ", options));
        }
    }

    private static final Choice BOOL = new Choice(List.of("true", "false"));

    private static Function<KafkaVersion, String> always(String v) {
        return x -> v;
    }

    private static Key key(String name, String doc, Function<KafkaVersion, String> d, Allowed a) {
        return new Key(name, doc, d, a);
    }

    public static final Key VERSION = key("kafka.version", "the Kafka release whose defaults and rules apply",
            always("3.7"), new Choice(List.of("0.8", "0.10", "0.11", "2.0", "3.7", "4.0")));
    public static final Key ACKS = key("acks", "producer acks (C3); 1 before 3.0, all since",
            v -> v.atLeast(KafkaVersion.V3_7) ? "all" : "1", new Choice(List.of("0", "1", "all", "-1")));
    public static final Key MIN_ISR = key("min.insync.replicas", "ISR size acks=all needs (C3)",
            always("1"), new Range(1, 16));
    public static final Key UNCLEAN = key("unclean.leader.election.enable",
            "elect a replica outside the ISR when no ISR member is alive (C4); true before 0.11",
            v -> v.atLeast(KafkaVersion.V0_11) ? "false" : "true", BOOL);
    public static final Key LAG_MAX = key("replica.lag.time.max.ms",
            "how long a follower may stay behind before leaving the ISR (C1); 10000 before 2.5",
            v -> v.atLeast(KafkaVersion.V3_7) ? "30000" : "10000", new Range(1, 3_600_000));
    public static final Key IDEMPOTENCE = key("enable.idempotence",
            "idempotent producer with sequence numbers (C6); from 0.11, default since 3.0",
            v -> v.atLeast(KafkaVersion.V3_7) ? "true" : "false", BOOL);
    public static final Key MAX_IN_FLIGHT = key("max.in.flight.requests.per.connection",
            "unacknowledged produce requests per connection (C6: at most 5 with idempotence)",
            always("5"), new Range(1, 100));
    public static final Key RETRIES = key("retries", "producer retries of a failed send (C2)",
            always(Integer.toString(Integer.MAX_VALUE)), new Range(0, Integer.MAX_VALUE));
    public static final Key DELIVERY_TIMEOUT = key("delivery.timeout.ms",
            "after this a send's outcome is unknown (an info op) (C2)", always("120000"),
            new Range(1, 86_400_000));
    public static final Key REQUEST_TIMEOUT = key("request.timeout.ms",
            "how long the producer waits for one produce response before retrying", always("30000"),
            new Range(1, 86_400_000));
    public static final Key RETRY_BACKOFF = key("retry.backoff.ms", "pause before a retry", always("100"),
            new Range(0, 86_400_000));
    public static final Key FLUSH_MESSAGES = key("log.flush.interval.messages",
            "fsync the log every this many appended records (C2: never, by default)",
            always(Long.toString(Long.MAX_VALUE)), new Range(1, Long.MAX_VALUE));
    public static final Key ZK_SESSION = key("zookeeper.session.timeout.ms",
            "ZooKeeper-era broker liveness (C4); 6000 before 2.5", v -> v.atLeast(KafkaVersion.V3_7) ? "18000" : "6000",
            new Range(1, 3_600_000));
    public static final Key BROKER_SESSION = key("broker.session.timeout.ms",
            "KRaft-era broker liveness (C4)", always("9000"), new Range(1, 3_600_000));
    public static final Key BROKER_HEARTBEAT = key("broker.heartbeat.interval.ms",
            "KRaft broker heartbeat period (C4); also the ZooKeeper session ping period here",
            always("2000"), new Range(1, 3_600_000));
    public static final Key CONTROLLER = key("kafka.controller",
            "how the controller tracks broker liveness (C4); KRaft for 3.7 is a modelling choice [M20]",
            v -> v.atLeast(KafkaVersion.V3_7) ? "kraft" : "zookeeper", new Choice(List.of("zookeeper", "kraft")));
    public static final Key CONTROLLER_LOAD = key("kafka.controller.load.ms",
            "[M23] how long a new ZooKeeper-era controller reads the cluster state back before it acts (C4.1); "
                    + "it grows with the partition count",
            always("1000"), new Range(0, 3_600_000));
    public static final Key QUORUM_VOTERS = key("controller.quorum.voters",
            "KRaft (C4.2): how many controller voters run Raft over the metadata log, on hosts c1..cN "
                    + "(Kafka lists them as id@host:port; 3 is the usual deployment); 0, the default here: "
                    + "the controller is one reliable service [M17]",
            always("0"), new Range(0, 7));
    public static final Key QUORUM_ELECTION_TIMEOUT = key("controller.quorum.election.timeout.ms",
            "KRaft (C4.2): a candidate's election timeout, drawn anew from [T, 2T) for each election",
            always("1000"), new Range(1, 3_600_000));
    public static final Key QUORUM_FETCH_TIMEOUT = key("controller.quorum.fetch.timeout.ms",
            "KRaft (C4.2): a voter that has not fetched from the leader this long stands for election; "
                    + "a leader no majority fetched from in 1.5x this resigns",
            always("2000"), new Range(1, 3_600_000));
    public static final Key TRUNCATION = key("kafka.truncation",
            "follower truncation rule (C5): hw before 0.11, leader-epoch in 0.11, largest-common-epoch from 2.0",
            v -> switch0(v.truncation()), new Choice(List.of("hw", "leader-epoch", "largest-common-epoch")));
    public static final Key HW_MIN_ISR = key("kafka.hw.requires.min.isr",
            "the 3.7 rule (C1): the HW does not advance while the ISR is below min ISR",
            v -> v.atLeast(KafkaVersion.V3_7) ? "true" : "false", BOOL);
    public static final Key HW_CHECKPOINT = key("replica.high.watermark.checkpoint.interval.ms",
            "how often a broker writes its HWs to disk ([U]: Kafka's documented default)", always("5000"),
            new Range(1, 3_600_000));
    public static final Key FETCH_WAIT = key("replica.fetch.wait.max.ms",
            "how long a follower's fetch waits at the leader when there is nothing new", always("500"),
            new Range(1, 60_000));
    public static final Key WRITEBACK = key("kafka.writeback.ms",
            "[M16] how often the operating system writes a broker's dirty pages to disk (each broker at its own phase)",
            always("5000"), new Range(1, 86_400_000));
    public static final Key AUTO_REBALANCE = key("auto.leader.rebalance.enable",
            "move leadership back to preferred replicas periodically (C4)", always("true"), BOOL);
    public static final Key IMBALANCE_INTERVAL = key("leader.imbalance.check.interval.seconds",
            "period of the preferred-leader check (C4)", always("300"), new Range(1, 86_400));

    public static final Key SEGMENT_BYTES = key("segment.bytes",
            "roll a new log segment when the active one would pass this size (C8.1)", always("1073741824"),
            new Range(1, Long.MAX_VALUE));
    public static final Key SEGMENT_MS = key("segment.ms",
            "roll a new log segment on the first append this long after the active one's first (C8.1)",
            always("604800000"), new Range(1, Long.MAX_VALUE));
    public static final Key RETENTION_MS = key("retention.ms",
            "delete a closed segment once its newest record is this old; -1: never (C8.2)", always("604800000"),
            new Range(-1, Long.MAX_VALUE));
    public static final Key RETENTION_BYTES = key("retention.bytes",
            "delete the oldest closed segments while the log without them is at least this big; -1: no limit (C8.2)",
            always("-1"), new Range(-1, Long.MAX_VALUE));
    public static final Key RETENTION_CHECK = key("log.retention.check.interval.ms",
            "how often a broker looks for segments to delete (C8.2)", always("300000"), new Range(1, Long.MAX_VALUE));
    public static final Key CLEANUP_POLICY = key("cleanup.policy",
            "delete: retention deletes old segments (C8.2); compact: the log cleaner keeps the newest record "
                    + "of each key (C8.4); compact,delete: both",
            always("delete"), new Choice(List.of("delete", "compact", "compact,delete")));
    public static final Key DELETE_RETENTION = key("delete.retention.ms",
            "how long a tombstone stays after the first cleaner pass over it, on a compacted topic (C8.4)",
            always("86400000"), new Range(0, Long.MAX_VALUE));
    public static final Key DIRTY_RATIO = key("min.cleanable.dirty.ratio",
            "the cleaner compacts a log once more than this share of its cleanable part is uncleaned (C8.4)",
            always("0.5"), new Fraction());
    public static final Key COMPACTION_LAG = key("min.compaction.lag.ms",
            "a record stays uncompacted at least this long (its segment's newest append, C8.4)", always("0"),
            new Range(0, Long.MAX_VALUE));
    public static final Key CLEANER_BACKOFF = key("log.cleaner.backoff.ms",
            "how often the log cleaner looks for logs to compact (C8.4)", always("15000"), new Range(1, Long.MAX_VALUE));
    public static final Key RECORD_BYTES = key("kafka.record.bytes",
            "[M22] the size of one record on disk, for segment.bytes and retention.bytes", always("100"),
            new Range(1, 1 << 20));
    public static final Key AUTO_OFFSET_RESET = key("auto.offset.reset",
            "where a consumer whose position is out of range goes (C8.3): latest by default; the model's "
                    + "consumers set earliest, as Jepsen's client does; none reports the gap",
            always("latest"), new Choice(List.of("earliest", "latest", "none")));

    public static final Key BATCH_SIZE = key("batch.size",
            "the most bytes of records a producer puts in one batch for a partition (C11.1)", always("16384"),
            new Range(1, Integer.MAX_VALUE));
    public static final Key LINGER = key("linger.ms",
            "how long a producer waits for more records before sending a batch (C11.1); 5 from 4.0 (KIP-1030), 0 before",
            v -> v.atLeast(KafkaVersion.V4_0) ? "5" : "0", new Range(0, 86_400_000));
    public static final Key COMPRESSION = key("compression.type",
            "producer compression (C11.1); the model applies kafka.compression.ratio to record sizes",
            always("none"), new Choice(List.of("none", "gzip", "snappy", "lz4", "zstd")));
    public static final Key COMPRESSION_RATIO = key("kafka.compression.ratio",
            "[M22] compressed size as a percentage of the uncompressed size, when compression.type is not none",
            always("50"), new Range(1, 100));
    public static final Key PARTITIONING = key("kafka.producer.partitioning",
            "how the model's producers pick partitions (C11.2): explicit (a random partition per record, as "
                    + "Jepsen's workload), keyed (kafka.producer.keys keys through the default partitioner) or "
                    + "keyless (the partitioner for records without a key)",
            always("explicit"), new Choice(List.of("explicit", "keyed", "keyless")));
    public static final Key KEYS = key("kafka.producer.keys",
            "how many distinct keys keyed producers draw from, uniformly (C11.2)", always("16"), new Range(1, 1_000_000));

    /** The model's consumers' {@code auto.offset.reset}, as Jepsen's Kafka client sets it, unless a scenario says otherwise. */
    static final String JEPSEN_CLIENT_RESET = "earliest";

    /** Every key, in documentation order: the broker, log and producer keys, then the consumer-group ones. */
    public static final List<Key> ALL = concat(List.of(VERSION, ACKS, MIN_ISR, UNCLEAN, LAG_MAX, IDEMPOTENCE,
            MAX_IN_FLIGHT, RETRIES, DELIVERY_TIMEOUT, REQUEST_TIMEOUT, RETRY_BACKOFF, FLUSH_MESSAGES,
            ZK_SESSION, BROKER_SESSION, BROKER_HEARTBEAT, CONTROLLER, CONTROLLER_LOAD,
            QUORUM_VOTERS, QUORUM_ELECTION_TIMEOUT, QUORUM_FETCH_TIMEOUT, TRUNCATION, HW_MIN_ISR,
            HW_CHECKPOINT, FETCH_WAIT, WRITEBACK, AUTO_REBALANCE, IMBALANCE_INTERVAL,
            SEGMENT_BYTES, SEGMENT_MS, RETENTION_MS, RETENTION_BYTES, RETENTION_CHECK, CLEANUP_POLICY, DELETE_RETENTION,
            DIRTY_RATIO, COMPACTION_LAG, CLEANER_BACKOFF, RECORD_BYTES,
            AUTO_OFFSET_RESET, BATCH_SIZE, LINGER, COMPRESSION, COMPRESSION_RATIO, PARTITIONING, KEYS), ConsumerKeys.ALL,
            TxnKeys.ALL);

    @SafeVarargs
    private static List<Key> concat(List<Key>... lists) {
        List<Key> out = new ArrayList<>();
        for (List<Key> l : lists) {
            out.addAll(l);
        }
        return List.copyOf(out);
    }

    static String switch0(TruncationRule r) {
        if (r == TruncationRule.HIGH_WATERMARK) {
            return "hw";
        }
        return r == TruncationRule.LEADER_EPOCH ? "leader-epoch" : "largest-common-epoch";
    }

    public static java.util.Optional<Key> byName(String name) {
        for (Key k : ALL) {
            if (k.name().equals(name)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
