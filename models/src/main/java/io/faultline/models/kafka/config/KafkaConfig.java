package io.faultline.models.kafka.config;

import io.faultline.models.kafka.rules.ProducerStateTable;
import io.faultline.models.kafka.rules.CleanupPolicy;
import io.faultline.models.kafka.rules.SegmentPolicy;
import io.faultline.sim.scenario.Setting;
import io.faultline.sim.scenario.Settings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The resolved configuration of a Kafka run: {@code kafka.version} picks every default from
 * FIDELITY C2's history column ({@link KafkaKeys}), and any key can be set alone.
 *
 * <pre>{@code
 * KafkaConfig c = KafkaConfig.of(Map.of("kafka.version", "0.10", "acks", "all"));
 * c.truncation();   // HIGH_WATERMARK (C5.1)
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class KafkaConfig {
    private final KafkaVersion version;
    private final Map<String, String> values;
    private final Set<String> explicit;

    /** Bad input naming the key and what it allows (the CLI shows it and exits 2). */
    private static io.faultline.sim.BadInputException invalid(String message) {
        return new io.faultline.sim.BadInputException(message);
    }

    /** Parsed numbers, so that hot paths do not parse text. */
    private final Map<String, Long> numbers = new java.util.TreeMap<>();

    private KafkaConfig(KafkaVersion version, Map<String, String> values, Set<String> explicit) {
        this.version = version;
        this.values = values;
        this.explicit = explicit;
        for (KafkaKeys.Key k : KafkaKeys.ALL) {
            if (k.allowed() instanceof KafkaKeys.Range) {
                numbers.put(k.name(), Long.parseLong(values.get(k.name())));
            }
        }
        this.acks = parseAcks();
        this.truncation = parseTruncation();
        this.hwRequiresMinIsr = bool(KafkaKeys.HW_MIN_ISR);
        this.flushIntervalMessages = num(KafkaKeys.FLUSH_MESSAGES);
        this.minInsyncReplicas = (int) num(KafkaKeys.MIN_ISR);
    }

    private final Acks acks;
    private final TruncationRule truncation;
    private final boolean hwRequiresMinIsr;
    private final long flushIntervalMessages;
    private final int minInsyncReplicas;

    /** The defaults of a version. */
    public static KafkaConfig defaults(KafkaVersion v) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(KafkaKeys.VERSION.name(), v.label());
        return of(m);
    }

    /**
     * Resolves settings: unknown keys are ignored here (other components own them); known keys are
     * validated against their range.
     *
     * @throws io.faultline.sim.BadInputException naming the key and its allowed values
     */
    public static KafkaConfig of(Map<String, String> settings) {
        String vRaw = settings.getOrDefault(KafkaKeys.VERSION.name(), KafkaKeys.VERSION.defaultFor(KafkaVersion.V3_7));
        KafkaVersion version = KafkaVersion.parse(vRaw).orElseThrow(() -> invalid(KafkaKeys.VERSION.name() + ": '" + vRaw
                + "' is not " + KafkaKeys.VERSION.allowed().reject(vRaw).orElse("a known version")));
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> explicit = new java.util.TreeSet<>();
        for (KafkaKeys.Key k : KafkaKeys.ALL) {
            String raw = settings.get(k.name());
            if (raw != null) {
                k.allowed().reject(raw).ifPresent(why -> {
                    throw invalid(k.name() + ": '" + raw + "' is not " + why);
                });
                explicit.add(k.name());
                values.put(k.name(), raw.trim());
            } else {
                values.put(k.name(), k.defaultFor(version));
            }
        }
        KafkaConfig c = new KafkaConfig(version, values, explicit);
        if (version == KafkaVersion.V4_0 && c.controller() == ControllerMode.ZOOKEEPER) {
            throw invalid("kafka.controller=zookeeper: 4.0 is the first KRaft-only release (FIDELITY C4)");
        }
        if (c.consumerProtocol() && !version.atLeast(KafkaVersion.V4_0)) {
            throw invalid("group.protocol=consumer: the consumer protocol (KIP-848) is generally available from 4.0,"
                    + " not in " + version + "; allowed: classic (FIDELITY C7.8)");
        }
        c.validateIdempotence();
        return c;
    }

    /** C6: an explicit enable.idempotence=true with conflicting settings is a ConfigException. */
    private void validateIdempotence() {
        if (!explicit.contains(KafkaKeys.IDEMPOTENCE.name()) || !bool(KafkaKeys.IDEMPOTENCE)) {
            return;
        }
        if (!version.atLeast(KafkaVersion.V0_11)) {
            throw invalid("enable.idempotence=true: idempotence arrived in 0.11 (KIP-98), not in " + version);
        }
        if (acks() != Acks.ALL || retries() == 0 || maxInFlight() > ProducerStateTable.BATCHES_TO_RETAIN) {
            throw invalid("enable.idempotence=true needs acks=all, retries>0 and "
                            + "max.in.flight.requests.per.connection<=5 (FIDELITY C6)");
        }
    }

    /** The Kafka configuration these settings describe; bad values are bad input naming the key. */
    public static KafkaConfig fromSettings(Settings settings) {
        Map<String, String> explicit = new LinkedHashMap<>();
        for (Setting<?> s : settings.schema()) {
            if (KafkaKeys.byName(s.key()).isPresent()) {
                @SuppressWarnings("unchecked")
                String v = ((Setting<String>) s).format(settings.get((Setting<String>) s));
                if (!v.equals(KafkaKeys.BY_VERSION)) {
                    explicit.put(s.key(), v);
                }
            }
        }
        return of(explicit);
    }

    /** A copy with one more setting. */
    public KafkaConfig with(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : explicit) {
            m.put(k, values.get(k));
        }
        m.put(key, value);
        return of(m);
    }

    public KafkaVersion version() {
        return version;
    }

    /** The producer's acknowledgement level (C3). */
    public enum Acks { NONE, LEADER, ALL }

    public Acks acks() {
        return acks;
    }

    private Acks parseAcks() {
        String a = values.get(KafkaKeys.ACKS.name());
        if (a.equals("0")) {
            return Acks.NONE;
        }
        return a.equals("1") ? Acks.LEADER : Acks.ALL;
    }

    public int minInsyncReplicas() {
        return minInsyncReplicas;
    }

    public boolean uncleanLeaderElection() {
        return bool(KafkaKeys.UNCLEAN);
    }

    public long replicaLagTimeMaxMs() {
        return num(KafkaKeys.LAG_MAX);
    }

    /**
     * Whether the producer is idempotent: as set, except that a default {@code true} is silently
     * dropped when other settings conflict (C6), and never before 0.11.
     */
    public boolean idempotence() {
        if (!version.atLeast(KafkaVersion.V0_11) || !bool(KafkaKeys.IDEMPOTENCE)) {
            return false;
        }
        return acks() == Acks.ALL && retries() > 0 && maxInFlight() <= ProducerStateTable.BATCHES_TO_RETAIN;
    }

    public int maxInFlight() {
        return (int) num(KafkaKeys.MAX_IN_FLIGHT);
    }

    public int retries() {
        return (int) num(KafkaKeys.RETRIES);
    }

    public long deliveryTimeoutMs() {
        return num(KafkaKeys.DELIVERY_TIMEOUT);
    }

    public long requestTimeoutMs() {
        return num(KafkaKeys.REQUEST_TIMEOUT);
    }

    public long retryBackoffMs() {
        return num(KafkaKeys.RETRY_BACKOFF);
    }

    public long flushIntervalMessages() {
        return flushIntervalMessages;
    }

    /** How long the controller waits before declaring a silent broker dead, for this era. */
    public long sessionTimeoutMs() {
        return controller() == ControllerMode.ZOOKEEPER ? num(KafkaKeys.ZK_SESSION) : num(KafkaKeys.BROKER_SESSION);
    }

    public long heartbeatIntervalMs() {
        return num(KafkaKeys.BROKER_HEARTBEAT);
    }

    /** How long a new ZooKeeper-era controller loads the state before it acts (C4.1, [M23]). */
    public long controllerLoadMs() {
        return num(KafkaKeys.CONTROLLER_LOAD);
    }

    /** KRaft: the controller quorum's size (C4.2); 0 for the one reliable service [M17]. */
    public int quorumVoters() {
        return (int) num(KafkaKeys.QUORUM_VOTERS);
    }

    /** True if the controller is a KRaft quorum of controller hosts running Raft (C4.2). */
    public boolean quorum() {
        return controller() == ControllerMode.KRAFT && quorumVoters() > 0;
    }

    public long quorumElectionTimeoutMs() {
        return num(KafkaKeys.QUORUM_ELECTION_TIMEOUT);
    }

    public long quorumFetchTimeoutMs() {
        return num(KafkaKeys.QUORUM_FETCH_TIMEOUT);
    }

    public ControllerMode controller() {
        return values.get(KafkaKeys.CONTROLLER.name()).equals("kraft") ? ControllerMode.KRAFT : ControllerMode.ZOOKEEPER;
    }

    public TruncationRule truncation() {
        return truncation;
    }

    private TruncationRule parseTruncation() {
        String t = values.get(KafkaKeys.TRUNCATION.name());
        if (t.equals("hw")) {
            return TruncationRule.HIGH_WATERMARK;
        }
        return t.equals("leader-epoch") ? TruncationRule.LEADER_EPOCH : TruncationRule.LARGEST_COMMON_EPOCH;
    }

    public boolean hwRequiresMinIsr() {
        return hwRequiresMinIsr;
    }

    public long hwCheckpointIntervalMs() {
        return num(KafkaKeys.HW_CHECKPOINT);
    }

    public long fetchWaitMaxMs() {
        return num(KafkaKeys.FETCH_WAIT);
    }

    public long writebackMs() {
        return num(KafkaKeys.WRITEBACK);
    }

    public boolean autoLeaderRebalance() {
        return bool(KafkaKeys.AUTO_REBALANCE);
    }

    public long leaderImbalanceCheckIntervalMs() {
        return num(KafkaKeys.IMBALANCE_INTERVAL) * 1000;
    }

    /**
     * What a report shows for each Kafka key of {@code settings} (those this configuration was
     * resolved from): the value in force and where it came from, e.g. {@code 30000 (3.7 default)},
     * {@code 1 (set)} by {@code --set}, {@code all (scenario)} for the scenario's own default.
     */
    public Map<String, String> shown(Settings settings) {
        Map<String, String> raw = settings.asStrings();
        Set<String> overridden = new java.util.TreeSet<>();
        for (String o : settings.overrides()) {
            overridden.add(o.substring(0, o.indexOf('=')));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting<?> s : settings.schema()) {
            String value = values.get(s.key());
            if (value == null) {
                continue; // not a Kafka key (e.g. a fault setting of the scenario)
            }
            String given = raw.get(s.key());
            String source = !given.equals(value) || given.equals(KafkaKeys.BY_VERSION) ? version.label() + " default"
                    : overridden.contains(s.key()) ? "set"
                    : s.key().equals(KafkaKeys.VERSION.name()) && value.equals(KafkaKeys.VERSION.defaultFor(version)) ? "default"
                    : "scenario";
            out.put(s.key(), value + " (" + source + ")");
        }
        return out;
    }

    // ---- consumer groups and offsets (C7)

    /** The member session: the client's key, or the broker's with the consumer protocol (C7.8). */
    public long groupSessionTimeoutMs() {
        return num(consumerProtocol() ? ConsumerKeys.CONSUMER_SESSION : ConsumerKeys.SESSION);
    }

    /** The heartbeat period: the client's key, or the broker's with the consumer protocol (C7.8). */
    public long groupHeartbeatIntervalMs() {
        return num(consumerProtocol() ? ConsumerKeys.CONSUMER_HEARTBEAT : ConsumerKeys.HEARTBEAT);
    }

    /** group.protocol=consumer: KIP-848's protocol (C7.8). */
    public boolean consumerProtocol() {
        return "consumer".equals(values.get(ConsumerKeys.PROTOCOL.name()));
    }

    /** Whether a member keeps what a rebalance does not move: cooperative-sticky or the consumer protocol. */
    public boolean incrementalRebalancing() {
        return cooperativeRebalancing() || consumerProtocol();
    }

    public long maxPollIntervalMs() {
        return num(ConsumerKeys.MAX_POLL_INTERVAL);
    }

    public long initialRebalanceDelayMs() {
        return num(ConsumerKeys.INITIAL_DELAY);
    }

    /** cooperative-sticky (KIP-429) rather than eager range. */
    public boolean cooperativeRebalancing() {
        return "cooperative-sticky".equals(values.get(ConsumerKeys.STRATEGY.name()));
    }

    /** Whether each consumer joins with its host name as group.instance.id (KIP-345). */
    public boolean staticMembership() {
        return "host".equals(values.get(ConsumerKeys.INSTANCE_ID.name()));
    }

    public boolean autoCommit() {
        return bool(ConsumerKeys.AUTO_COMMIT);
    }

    public long autoCommitIntervalMs() {
        return num(ConsumerKeys.AUTO_COMMIT_INTERVAL);
    }

    public int offsetsTopicPartitions() {
        return (int) num(ConsumerKeys.OFFSETS_PARTITIONS);
    }

    public int offsetsTopicReplicationFactor() {
        return (int) num(ConsumerKeys.OFFSETS_RF);
    }

    /** With auto-commit off: commitSync (true) or commitAsync after each poll's records. */
    public boolean commitSync() {
        return "sync".equals(values.get(ConsumerKeys.COMMIT.name()));
    }

    /** Whether the application processes a poll's records only after the commit covering them. */
    public boolean processingAfterCommit() {
        return "after-commit".equals(values.get(ConsumerKeys.PROCESSING.name()));
    }

    public long processingMs() {
        return num(ConsumerKeys.PROCESSING_MS);
    }

    // ---- transactions (C12)

    /** The transactional.id of the model's transactional producers, if set (C12.1). */
    public java.util.Optional<String> transactionalId() {
        String id = values.get(TxnKeys.TRANSACTIONAL_ID.name());
        return id.equals(TxnKeys.UNSET) ? java.util.Optional.empty() : java.util.Optional.of(id);
    }

    public long transactionTimeoutMs() {
        return num(TxnKeys.TIMEOUT);
    }

    /** Whether consumers read up to the last stable offset and drop aborted records (C12.5). */
    public boolean readCommitted() {
        return "read_committed".equals(values.get(TxnKeys.ISOLATION.name()));
    }

    public int transactionStatePartitions() {
        return (int) num(TxnKeys.STATE_PARTITIONS);
    }

    public int transactionStateReplicationFactor() {
        return (int) num(TxnKeys.STATE_RF);
    }

    public int transactionStateMinIsr() {
        return (int) num(TxnKeys.STATE_MIN_ISR);
    }

    /** How replicas cut the topic's logs into segments, what retention deletes and what the cleaner compacts (C8.1, C8.2, C8.4). */
    public SegmentPolicy segmentPolicy() {
        return new SegmentPolicy(num(KafkaKeys.SEGMENT_BYTES), num(KafkaKeys.SEGMENT_MS), num(KafkaKeys.RETENTION_MS),
                num(KafkaKeys.RETENTION_BYTES), recordBytes(), cleanupPolicy());
    }

    /** The topic's {@code cleanup.policy} with the cleaner's settings (C8.4). */
    public CleanupPolicy cleanupPolicy() {
        return CleanupPolicy.parse(values.get(KafkaKeys.CLEANUP_POLICY.name()), num(KafkaKeys.DELETE_RETENTION),
                Double.parseDouble(values.get(KafkaKeys.DIRTY_RATIO.name()).trim()), num(KafkaKeys.COMPACTION_LAG));
    }

    /**
     * The policy of {@code __consumer_offsets}' partitions: always compacted, never deleted by
     * retention (C8.4, C7.6), with the same segment and cleaner settings as the topic.
     */
    public SegmentPolicy offsetsSegmentPolicy() {
        return segmentPolicy().withCleanup(cleanupPolicy().compactOnly());
    }

    public long cleanerBackoffMs() {
        return num(KafkaKeys.CLEANER_BACKOFF);
    }

    /** One record's size in a batch and on disk: kafka.record.bytes, compressed by the ratio if enabled [M22]. */
    public int recordBytes() {
        long raw = num(KafkaKeys.RECORD_BYTES);
        boolean compressed = !values.get(KafkaKeys.COMPRESSION.name()).equals("none");
        return (int) Math.max(1, compressed ? raw * num(KafkaKeys.COMPRESSION_RATIO) / 100 : raw);
    }

    public long batchSizeBytes() {
        return num(KafkaKeys.BATCH_SIZE);
    }

    public long lingerMs() {
        return num(KafkaKeys.LINGER);
    }

    /** How the model's producers pick a record's partition (C11.2). */
    public enum Partitioning { EXPLICIT, KEYED, KEYLESS }

    public Partitioning partitioning() {
        return Partitioning.valueOf(values.get(KafkaKeys.PARTITIONING.name()).toUpperCase(java.util.Locale.ROOT));
    }

    public int producerKeys() {
        return (int) num(KafkaKeys.KEYS);
    }

    public long retentionCheckIntervalMs() {
        return num(KafkaKeys.RETENTION_CHECK);
    }

    /** Where a consumer whose position is out of range goes (C8.3). */
    public enum OffsetReset { EARLIEST, LATEST, NONE }

    public OffsetReset autoOffsetReset() {
        return OffsetReset.valueOf(values.get(KafkaKeys.AUTO_OFFSET_RESET.name()).toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * KIP-320 (2.1, FIDELITY C5.5): consumers send their leader epoch with each fetch and check
     * their position with OffsetsForLeaderEpoch after a leader change, so they notice truncation.
     */
    public boolean consumerDetectsTruncation() {
        return version.atLeast(KafkaVersion.V3_7);
    }

    /** Every key with its resolved value, in documentation order. */
    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }

    private long num(KafkaKeys.Key k) {
        return numbers.get(k.name());
    }

    private boolean bool(KafkaKeys.Key k) {
        return Boolean.parseBoolean(values.get(k.name()));
    }

    @Override
    public String toString() {
        return "KafkaConfig" + values;
    }
}
