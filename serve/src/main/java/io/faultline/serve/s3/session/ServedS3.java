package io.faultline.serve.s3.session;

import io.faultline.models.s3.config.ClusterShape;
import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.scenario.S3Cluster;
import io.faultline.sim.Host;
import io.faultline.sim.HostId;
import io.faultline.sim.scenario.ScenarioRun;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The S3 model as {@code faultline serve s3} runs it, built the same way live and in a replay:
 * three index replicas, two front-ends, no bucket at the start, bucket changes taking effect at
 * once (a served bucket is used right after it is created), and the {@link Gateway} host.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ServedS3 {
    private final S3Cluster cluster;
    private final Gateway gateway;

    private ServedS3(S3Cluster cluster, long startEpochMillis) {
        this.cluster = cluster;
        List<HostId> fes = cluster.frontEnds().stream().map(Host::id).toList();
        this.gateway = new Gateway(fes, cluster.recorder(), startEpochMillis);
        cluster.addClient("gateway", 0, fe -> gateway);
    }

    /** Legacy mode's propagation lag by default, the model's (FIDELITY A1.2 rule 6). */
    public static final long DEFAULT_LEGACY_LAG_NANOS = S3Config.defaults().lagMeanNanos();
    /** The cap of a lag draw, as a multiple of its mean (the model's defaults: 100 ms and 2 s). */
    static final long LAG_CAP_FACTOR = S3Config.defaults().lagCapNanos() / S3Config.defaults().lagMeanNanos();

    static S3Config config(ConsistencyMode mode, long legacyLagNanos) {
        return S3Config.defaults().withMode(mode).withBucketConfigDelay(0).withLag(legacyLagNanos, legacyLagNanos * LAG_CAP_FACTOR);
    }

    static ClusterShape shape() {
        return new ClusterShape(3, 2, List.of());
    }

    /** On a simulation of its own (the live server); virtual time 0 is {@code startEpochMillis}. */
    public static ServedS3 live(long seed, ConsistencyMode mode, long legacyLagNanos, long startEpochMillis) {
        return new ServedS3(S3Cluster.build(seed, config(mode, legacyLagNanos), shape()), startEpochMillis);
    }

    /** On a scenario run's simulation (the replay). */
    public static ServedS3 on(ScenarioRun run, ConsistencyMode mode, long legacyLagNanos, long startEpochMillis) {
        return new ServedS3(S3Cluster.build(run, config(mode, legacyLagNanos), shape()), startEpochMillis);
    }

    public S3Cluster cluster() {
        return cluster;
    }

    public Gateway gateway() {
        return gateway;
    }
}
