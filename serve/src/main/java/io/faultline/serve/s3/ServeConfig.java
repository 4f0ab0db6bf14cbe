package io.faultline.serve.s3;

import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.serve.s3.auth.Credentials;
import io.faultline.models.s3.store.Limits;
import io.faultline.serve.s3.governance.MfaDevice;
import io.faultline.serve.s3.session.ServedS3;
import io.faultline.serve.s3.tls.Tls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How {@code faultline serve s3} runs: where it listens (loopback unless told otherwise), the
 * model's consistency and seed, the access keys it accepts, and where it records the session and
 * the history; the accounts' MFA devices and their bucket quota; legacy mode's propagation lag;
 * HTTPS or not.
 *
 * <pre>{@code
 * ServeConfig c = ServeConfig.loopback(Credentials.of(new AccessKey("AKIDALICE", "secret", "alice")))
 *         .withConsistency(ConsistencyMode.LEGACY).withSeed(7);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ServeConfig(String bind, int port, ConsistencyMode consistency, long seed, Credentials credentials,
                          Optional<Path> session, Optional<Path> history, List<MfaDevice> mfaDevices, int bucketQuota,
                          Duration legacyLag, Tls tls) {
    /** The longest legacy lag served (its cap, 20 times it, stays far from overflowing virtual time). */
    public static final Duration MAX_LEGACY_LAG = Duration.ofDays(1);

    public ServeConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(consistency, "consistency");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(legacyLag, "legacyLag");
        Objects.requireNonNull(tls, "tls");
        mfaDevices = List.copyOf(mfaDevices);
        if (legacyLag.isNegative() || legacyLag.isZero() || legacyLag.compareTo(MAX_LEGACY_LAG) > 0) {
            throw new IllegalArgumentException("legacy lag " + legacyLag + " is not in (0, " + MAX_LEGACY_LAG + "]");
        }
        if (bucketQuota < 1) {
            throw new IllegalArgumentException("bucket quota " + bucketQuota + " is not at least 1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not 0..65535");
        }
    }

    /** 127.0.0.1, a free port, strong consistency, seed 0, no files. */
    public static ServeConfig loopback(Credentials credentials) {
        return new ServeConfig("127.0.0.1", 0, ConsistencyMode.STRONG, 0, credentials, Optional.empty(), Optional.empty(), List.of(),
                Limits.DEFAULT_MAX_BUCKETS, Duration.ofNanos(ServedS3.DEFAULT_LEGACY_LAG_NANOS),
                new Tls.Off());
    }

    public ServeConfig withConsistency(ConsistencyMode mode) {
        return new ServeConfig(bind, port, mode, seed, credentials, session, history, mfaDevices, bucketQuota, legacyLag, tls);
    }

    public ServeConfig withSeed(long s) {
        return new ServeConfig(bind, port, consistency, s, credentials, session, history, mfaDevices, bucketQuota, legacyLag, tls);
    }

    public ServeConfig withPort(int p) {
        return new ServeConfig(bind, p, consistency, seed, credentials, session, history, mfaDevices, bucketQuota, legacyLag, tls);
    }

    public ServeConfig withBind(String address) {
        return new ServeConfig(address, port, consistency, seed, credentials, session, history, mfaDevices, bucketQuota, legacyLag, tls);
    }

    public ServeConfig withSession(Path file) {
        return new ServeConfig(bind, port, consistency, seed, credentials, Optional.of(file), history, mfaDevices, bucketQuota, legacyLag, tls);
    }

    /** The accounts' virtual MFA devices, for MFA delete (FIDELITY A16.11). */
    public ServeConfig withMfa(MfaDevice... devices) {
        return new ServeConfig(bind, port, consistency, seed, credentials, session, history, List.of(devices), bucketQuota, legacyLag, tls);
    }

    /** Buckets per account (FIDELITY A2: 10,000 by default today). */
    public ServeConfig withBucketQuota(int quota) {
        return new ServeConfig(bind, port, consistency, seed, credentials, session, history, mfaDevices, quota, legacyLag, tls);
    }

    /**
     * Legacy mode's propagation lag between index replicas, the mean of its exponential draw (capped
     * at 20 times the mean; default 100 ms, FIDELITY A1.2): a long lag keeps a read after an
     * overwrite stale for as long as a test needs, whatever the machine's load.
     */
    public ServeConfig withLegacyLag(Duration mean) {
        return new ServeConfig(bind, port, consistency, seed, credentials, session, history, mfaDevices, bucketQuota, mean, tls);
    }

    /** HTTPS with a generated or a given certificate (SSE-C needs it, FIDELITY A16.10). */
    public ServeConfig withTls(Tls t) {
        return new ServeConfig(bind, port, consistency, seed, credentials, session, history, mfaDevices, bucketQuota, legacyLag, t);
    }

    public ServeConfig withHistory(Path file) {
        return new ServeConfig(bind, port, consistency, seed, credentials, session, Optional.of(file), mfaDevices, bucketQuota, legacyLag, tls);
    }
}
