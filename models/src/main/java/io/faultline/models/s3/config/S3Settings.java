package io.faultline.models.s3.config;

import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.Setting;
import io.faultline.sim.scenario.Settings;

/** Settings shared by the {@code s3/...} scenarios, with the defaults of FIDELITY part A. */
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

    public static S3Config config(Settings s, Setting<ConsistencyMode> mode) {
        return S3Config.defaults().withMode(s.get(mode)).withLag(s.get(LAG_MEAN), s.get(LAG_CAP))
                .withBucketConfigDelay(s.get(BUCKET_CONFIG_DELAY));
    }
}
