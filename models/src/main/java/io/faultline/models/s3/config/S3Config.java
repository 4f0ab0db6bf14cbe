package io.faultline.models.s3.config;

import io.faultline.models.s3.rules.IndexLayout;
import io.faultline.models.s3.store.Limits;
import io.faultline.sim.Simulation;
import org.apiguardian.api.API;

/**
 * The model's configuration, with the documented values of FIDELITY part A and the defaults of its modelling choices.
 *
 * <pre>{@code
 * S3Config c = S3Config.defaults().withMode(ConsistencyMode.LEGACY);
 * }</pre>
 *
 * @param mode              strong (default) or legacy (FIDELITY A1)
 * @param lagMeanNanos      legacy propagation lag, mean of the exponential (A1.2 rule 6 [M1]: 100 ms)
 * @param lagCapNanos       legacy propagation lag cap (A1.2 rule 6 [M1]: 2 s)
 * @param deadlineNanos     how long a front-end works on a request before answering 503
 * @param retryNanos        how often a front-end resends to replicas that have not answered
 * @param fallbackNanos     legacy: how long a GET that found nothing waits for the other replicas
 * @param writeRate         writes per second per partitioned prefix (A15: 3,500)
 * @param readRate          reads per second per partitioned prefix (A15: 5,500)
 * @param splitAfterNanos   sustained overload after which a prefix partition splits (A15 [M4]: 30 min)
 * @param frontEnds         how many front-ends share the request rate of a partition
 * @param maxBuckets        buckets per account (A2: 10,000 today)
 * @param bucketConfigDelayNanos upper bound of the uniform delay before a bucket-configuration
 *                          change (creation, deletion, versioning) reaches object requests and
 *                          ListBuckets (A1.3 [M2]: up to 60 s, from 100 ms, how long front-ends
 *                          reuse a bucket record; 0 makes changes immediate; AWS advises waiting
 *                          15 minutes after enabling versioning)
 * @param storageHosts      storage hosts for object bytes ({@code st1..n})
 * @param blobCopies        storage hosts each blob is written to, acknowledged by a majority of
 *                          them ([M5] 3: FIDELITY A15 has S3 store data across at least 3 AZs)
 * @param indexGroupSize    index replicas per key-prefix partition ({@link IndexLayout}; [M5] 3)
 * @param safeguards        which of the strong protocol's mechanisms are on ({@link Safeguards#ALL}: S3
 *                          as it is; the others exist to show what each mechanism protects against)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record S3Config(ConsistencyMode mode, long lagMeanNanos, long lagCapNanos, long deadlineNanos,
                       long retryNanos, long fallbackNanos, int writeRate, int readRate, long splitAfterNanos,
                       int frontEnds, int maxBuckets, long bucketConfigDelayNanos,
                       int storageHosts, int blobCopies, int indexGroupSize, Safeguards safeguards) {

    public static S3Config defaults() {
        return new S3Config(ConsistencyMode.STRONG, 100 * Simulation.MILLIS, 2 * Simulation.SECONDS,
                Simulation.SECONDS, 100 * Simulation.MILLIS, 50 * Simulation.MILLIS, 3500, 5500,
                30 * Simulation.MINUTES, 1, Limits.DEFAULT_MAX_BUCKETS, 60 * Simulation.SECONDS,
                4, 3, 3, Safeguards.ALL);
    }

    public S3Config withMode(ConsistencyMode m) {
        return new S3Config(m, lagMeanNanos, lagCapNanos, deadlineNanos, retryNanos, fallbackNanos, writeRate,
                readRate, splitAfterNanos, frontEnds, maxBuckets, bucketConfigDelayNanos, storageHosts, blobCopies, indexGroupSize, safeguards);
    }

    public S3Config withLag(long meanNanos, long capNanos) {
        return new S3Config(mode, meanNanos, capNanos, deadlineNanos, retryNanos, fallbackNanos, writeRate,
                readRate, splitAfterNanos, frontEnds, maxBuckets, bucketConfigDelayNanos, storageHosts, blobCopies, indexGroupSize, safeguards);
    }

    /** Bucket-configuration changes take effect after a delay uniform in [0, maxNanos] (A1.3). */
    public S3Config withBucketConfigDelay(long maxNanos) {
        return new S3Config(mode, lagMeanNanos, lagCapNanos, deadlineNanos, retryNanos, fallbackNanos, writeRate,
                readRate, splitAfterNanos, frontEnds, maxBuckets, maxNanos, storageHosts, blobCopies, indexGroupSize, safeguards);
    }

    public S3Config withSplitAfter(long nanos) {
        return new S3Config(mode, lagMeanNanos, lagCapNanos, deadlineNanos, retryNanos, fallbackNanos, writeRate,
                readRate, nanos, frontEnds, maxBuckets, bucketConfigDelayNanos, storageHosts, blobCopies, indexGroupSize, safeguards);
    }

    public S3Config withFrontEnds(int n) {
        return new S3Config(mode, lagMeanNanos, lagCapNanos, deadlineNanos, retryNanos, fallbackNanos, writeRate,
                readRate, splitAfterNanos, n, maxBuckets, bucketConfigDelayNanos, storageHosts, blobCopies, indexGroupSize, safeguards);
    }

    /** {@code hosts} storage hosts, each blob on {@code copies} of them. */
    public S3Config withStorage(int hosts, int copies) {
        return new S3Config(mode, lagMeanNanos, lagCapNanos, deadlineNanos, retryNanos, fallbackNanos, writeRate,
                readRate, splitAfterNanos, frontEnds, maxBuckets, bucketConfigDelayNanos, hosts,
                copies, indexGroupSize, safeguards);
    }

    /** Index replicas per key-prefix partition: {@code n} index hosts make {@code n / size} groups. */
    public S3Config withIndexGroupSize(int size) {
        return new S3Config(mode, lagMeanNanos, lagCapNanos, deadlineNanos, retryNanos, fallbackNanos, writeRate,
                readRate, splitAfterNanos, frontEnds, maxBuckets, bucketConfigDelayNanos, storageHosts, blobCopies,
                size, safeguards);
    }

    public S3Config withRates(int writes, int reads) {
        return new S3Config(mode, lagMeanNanos, lagCapNanos, deadlineNanos, retryNanos, fallbackNanos, writes,
                reads, splitAfterNanos, frontEnds, maxBuckets, bucketConfigDelayNanos, storageHosts, blobCopies, indexGroupSize, safeguards);
    }

    /** The strong protocol with some of its mechanisms off (a deliberately broken server, for the bug-finding matrix). */
    public S3Config withSafeguards(Safeguards g) {
        return new S3Config(mode, lagMeanNanos, lagCapNanos, deadlineNanos, retryNanos, fallbackNanos, writeRate,
                readRate, splitAfterNanos, frontEnds, maxBuckets, bucketConfigDelayNanos, storageHosts, blobCopies,
                indexGroupSize, g);
    }
}
