package io.faultline.models.s3.store;

import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Failure;
import io.faultline.models.s3.api.S3Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;

/**
 * The buckets of one account on one node: create, delete, head, list, with the per-account
 * limit (FIDELITY A2: 10,000 by default today, 100 historically; a parameter here).
 *
 * <p>Creating a bucket you already own answers 409 {@code BucketAlreadyOwnedByYou} (FIDELITY A15;
 * us-east-1's legacy 200 is not modelled [M11]).
 *
 * <pre>{@code
 * Buckets account = new Buckets(() -> now, Limits.DEFAULT_MAX_BUCKETS);
 * account.createBucket("photos");
 * BucketStore b = account.bucket("photos").orThrow();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Buckets {
    private final LongSupplier clock;
    private final int maxBuckets;
    private final TreeMap<String, BucketStore> buckets = new TreeMap<>();

    public Buckets(LongSupplier clock, int maxBuckets) {
        this.clock = clock;
        this.maxBuckets = maxBuckets;
    }

    public S3Result<String> createBucket(String name) {
        Optional<S3Failure> bad = BucketNames.validate(name);
        if (bad.isPresent()) {
            return S3Result.err(bad.get());
        }
        if (buckets.containsKey(name)) {
            return S3Result.err(S3Error.BUCKET_ALREADY_OWNED_BY_YOU, "you already own bucket " + name);
        }
        if (buckets.size() >= maxBuckets) {
            return S3Result.err(S3Error.TOO_MANY_BUCKETS, "an account holds at most " + maxBuckets + " buckets");
        }
        buckets.put(name, new BucketStore(clock));
        return S3Result.ok("/" + name);
    }

    /** DeleteBucket: 204; 404 NoSuchBucket; 409 BucketNotEmpty while any version or marker remains. */
    public S3Result<Boolean> deleteBucket(String name) {
        BucketStore b = buckets.get(name);
        if (b == null) {
            return S3Result.err(noSuchBucket(name));
        }
        if (!b.isEmpty()) {
            return S3Result.err(S3Error.BUCKET_NOT_EMPTY, "The bucket you tried to delete is not empty: " + name);
        }
        buckets.remove(name);
        return S3Result.ok(true);
    }

    public S3Result<BucketStore> bucket(String name) {
        BucketStore b = buckets.get(name);
        return b == null ? S3Result.err(noSuchBucket(name)) : S3Result.ok(b);
    }

    /** HeadBucket: 200 if it exists, else 404 NoSuchBucket. */
    public S3Result<Boolean> headBucket(String name) {
        return bucket(name).map(b -> true);
    }

    /** ListBuckets, by name. */
    public List<String> listBuckets() {
        return new ArrayList<>(buckets.keySet());
    }

    public static S3Failure noSuchBucket(String name) {
        return S3Failure.of(S3Error.NO_SUCH_BUCKET, "The specified bucket does not exist: " + name);
    }
}
