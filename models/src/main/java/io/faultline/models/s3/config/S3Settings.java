package io.faultline.models.s3.config;

import java.util.List;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.Setting;
import io.faultline.sim.scenario.Settings;
import org.apiguardian.api.API;

/** Settings shared by the {@code s3/...} scenarios, with the defaults of FIDELITY part A. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class S3Settings {
    private S3Settings() {
    }

    public static Setting<ConsistencyMode> consistency(ConsistencyMode dflt) {
        return Setting.ofEnum("s3.consistency", ConsistencyMode.class, dflt,
                "strong: S3 since 2020-12 (FIDELITY A1.3); legacy: 2015-08 to 2020-12 (A1.2)");
    }

    public static final Setting<Long> LAG_MEAN = Setting.ofDuration("s3.lag-mean", 100 * Simulation.MILLIS,
            Simulation.MILLIS, Simulation.MINUTES, "legacy: mean replication lag, exponential (FIDELITY A1.2 [M1])");
    public static final Setting<Long> LAG_CAP = Setting.ofDuration("s3.lag-cap", 2 * Simulation.SECONDS,
            Simulation.MILLIS, Simulation.HOURS, "legacy: replication lag cap (FIDELITY A1.2 [M1])");
    public static final Setting<Long> BUCKET_CONFIG_DELAY = Setting.ofDuration("s3.bucket-config-delay",
            60 * Simulation.SECONDS, 0, Simulation.HOURS, "longest delay, uniform from 100ms (0: "
            + "immediate), before a bucket's creation, deletion, versioning or lifecycle change takes effect "
            + "(FIDELITY A1.3 [M2]: 60s; AWS advises waiting 15m after enabling versioning)");
    public static final Setting<Integer> INDEX = Setting.ofInt("s3.index-replicas", 3, 1, 9,
            "replicas of the metadata index");
    public static final Setting<Integer> FRONT_ENDS = Setting.ofInt("s3.front-ends", 2, 1, 16, "front-end hosts");

    public static Setting<Integer> clients(int dflt) {
        return Setting.ofInt("clients", dflt, 1, 64, "recording clients, each on its own host");
    }

    public static Setting<Long> think(long dflt) {
        return Setting.ofDuration("think", dflt, 0, Simulation.MINUTES, "mean pause between a client's operations");
    }

    public static final Setting<Long> TIMEOUT = Setting.ofDuration("timeout", 2 * Simulation.SECONDS,
            Simulation.MILLIS, Simulation.MINUTES, "how long a client waits for an answer before recording info");

    // The strong protocol's mechanisms, each of which can be turned off (Safeguards): a broken
    // server for the bug-finding matrix, never S3 as it is.
    public static final Setting<Integer> READ_QUORUM = Setting.ofInt("s3.read-quorum", 0, 0, 9,
            "index replicas a strong GET or LIST waits for; 0: a majority (S3). 1 turns the read quorum off");
    public static final Setting<Integer> WRITE_QUORUM = Setting.ofInt("s3.write-quorum", 0, 0, 9,
            "index replicas that acknowledge a strong write; 0: a majority (S3). 1 turns the write quorum off");
    public static final Setting<Boolean> READ_REPAIR = Setting.ofBoolean("s3.read-repair", true,
            "a strong read writes what it returns back to a majority first (ABD); false turns it off");
    public static final Setting<Boolean> STAMP_AFTER_READ = Setting.ofBoolean("s3.stamp-after-read", true,
            "a strong write is stamped after the highest stamp a quorum holds; false: the front-end's clock alone");
    public static final Setting<Boolean> RECOVERY_SYNC = Setting.ofBoolean("s3.recovery-sync", true,
            "a restarted index replica copies its peers before serving reads; false: it answers from empty state");
    public static final Setting<Boolean> WRITE_LEASE = Setting.ofBoolean("s3.write-lease", true,
            "conditional writes lease the key at a majority (FIDELITY A7.2); false turns the lease off");
    public static final List<Setting<?>> SAFEGUARDS = List.of(READ_QUORUM, WRITE_QUORUM, READ_REPAIR,
            STAMP_AFTER_READ, RECOVERY_SYNC, WRITE_LEASE);

    public static Safeguards safeguards(Settings s) {
        return new Safeguards(s.get(READ_QUORUM), s.get(WRITE_QUORUM), s.get(READ_REPAIR), s.get(STAMP_AFTER_READ),
                s.get(RECOVERY_SYNC), s.get(WRITE_LEASE));
    }

    public static S3Config config(Settings s, Setting<ConsistencyMode> mode) {
        return S3Config.defaults().withMode(s.get(mode)).withLag(s.get(LAG_MEAN), s.get(LAG_CAP))
                .withBucketConfigDelay(s.get(BUCKET_CONFIG_DELAY));
    }

    /** The cluster the {@link #INDEX} and {@link #FRONT_ENDS} settings describe, with these buckets. */
    public static ClusterShape shape(Settings s, List<String> buckets) {
        return new ClusterShape(s.get(INDEX), s.get(FRONT_ENDS), buckets);
    }
}
