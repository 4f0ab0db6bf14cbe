package io.faultline.models.s3.server;

import io.faultline.models.s3.api.Keys;
import io.faultline.models.s3.rules.BucketRecord;
import io.faultline.models.s3.store.KeyState;
import io.faultline.models.s3.store.Mutation;
import io.faultline.models.s3.store.Upload;
import io.faultline.models.s3.wire.IndexSnapshot;
import io.faultline.models.s3.wire.S3Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The data of one index replica: bucket records, key states (in UTF-8 order, FIDELITY A5) and
 * multipart uploads per bucket. Every update is a join (last writer wins per slot), so replicas
 * converge whatever order updates arrive in.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IndexState {
    private final TreeMap<String, BucketRecord> buckets = new TreeMap<>();
    /**
     * Per bucket, each key with its state as a scan reply carries it: a scan (a LIST's, 10 % of
     * S3StrongBench's requests, each reaching about a dozen keys on every replica) then allocates
     * no entries, and an unchanged key sends the same entry object again.
     */
    private final TreeMap<String, TreeMap<String, S3Wire.Entry>> keys = new TreeMap<>();
    private final TreeMap<String, TreeMap<String, Upload>> uploads = new TreeMap<>();
    private final AppliedWrites applied;

    /** @param applied the cluster's recent writes, shared by its replicas (see {@link AppliedWrites}) */
    IndexState(AppliedWrites applied) {
        this.applied = applied;
    }

    KeyState key(String bucket, String key) {
        TreeMap<String, S3Wire.Entry> b = keys.get(bucket);
        S3Wire.Entry e = b == null ? null : b.get(key);
        return e == null ? KeyState.EMPTY : e.state();
    }

    void apply(String bucket, Mutation m) {
        TreeMap<String, S3Wire.Entry> b = keys.computeIfAbsent(bucket, x -> new TreeMap<>(Keys.ORDER));
        S3Wire.Entry e = b.get(m.key());
        put(b, m.key(), e, applied.apply(e == null ? KeyState.EMPTY : e.state(), m));
    }

    void merge(String bucket, String key, KeyState s) {
        TreeMap<String, S3Wire.Entry> b = keys.computeIfAbsent(bucket, x -> new TreeMap<>(Keys.ORDER));
        S3Wire.Entry e = b.get(key);
        put(b, key, e, (e == null ? KeyState.EMPTY : e.state()).join(s));
    }

    /** Records the key's new state; an unchanged state keeps its entry. */
    private static void put(TreeMap<String, S3Wire.Entry> b, String key, S3Wire.Entry old, KeyState now) {
        if (old == null || old.state() != now) {
            b.put(key, new S3Wire.Entry(key, now));
        }
    }

    /** Keys that start with {@code prefix} and sort after {@code after}, with their states. */
    List<S3Wire.Entry> scan(String bucket, String prefix, Optional<String> after) {
        List<S3Wire.Entry> out = new ArrayList<>();
        TreeMap<String, S3Wire.Entry> b = keys.get(bucket);
        if (b == null) {
            return out;
        }
        Map<String, S3Wire.Entry> view = after.isPresent() && Keys.compareUtf8(after.get(), prefix) >= 0
                ? b.tailMap(after.get(), false) : b.tailMap(prefix, true);
        for (Map.Entry<String, S3Wire.Entry> e : view.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            out.add(e.getValue());
        }
        return out;
    }

    List<BucketRecord> buckets() {
        return new ArrayList<>(buckets.values());
    }

    Optional<BucketRecord> bucket(String name) {
        return Optional.ofNullable(buckets.get(name));
    }

    void putBucket(BucketRecord r) {
        buckets.merge(r.name(), r, BucketRecord::join);
    }

    Optional<Upload> upload(String bucket, String uploadId) {
        TreeMap<String, Upload> b = uploads.get(bucket);
        return Optional.ofNullable(b == null ? null : b.get(uploadId));
    }

    void putUpload(String bucket, Upload u) {
        uploads.computeIfAbsent(bucket, x -> new TreeMap<>()).merge(u.uploadId(), u, Upload::join);
    }

    List<Upload> uploads(String bucket) {
        TreeMap<String, Upload> b = uploads.get(bucket);
        return b == null ? List.of() : new ArrayList<>(b.values());
    }

    IndexSnapshot snapshot() {
        List<IndexSnapshot.BucketKeys> ks = new ArrayList<>();
        for (String b : keys.keySet()) {
            ks.add(new IndexSnapshot.BucketKeys(b, scan(b, "", Optional.empty())));
        }
        List<IndexSnapshot.BucketUploads> us = new ArrayList<>();
        for (Map.Entry<String, TreeMap<String, Upload>> e : uploads.entrySet()) {
            us.add(new IndexSnapshot.BucketUploads(e.getKey(), new ArrayList<>(e.getValue().values())));
        }
        return new IndexSnapshot(buckets(), ks, us);
    }

    /** Joins a peer's snapshot: its bucket records, and its keys and uploads that {@code mine} accepts. */
    void join(IndexSnapshot s, java.util.function.Predicate<String> mine) {
        s.buckets().forEach(this::putBucket);
        for (IndexSnapshot.BucketKeys bk : s.keys()) {
            for (S3Wire.Entry e : bk.entries()) {
                if (mine.test(e.key())) {
                    merge(bk.bucket(), e.key(), e.state());
                }
            }
        }
        for (IndexSnapshot.BucketUploads bu : s.uploads()) {
            bu.uploads().stream().filter(u -> mine.test(u.key())).forEach(u -> putUpload(bu.bucket(), u));
        }
    }

    /** A comparable summary of the data (replicas converged iff their fingerprints are equal). */
    public String fingerprint() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, TreeMap<String, S3Wire.Entry>> e : keys.entrySet()) {
            for (Map.Entry<String, S3Wire.Entry> k : e.getValue().entrySet()) {
                if (!k.getValue().state().slots().isEmpty()) {
                    b.append(e.getKey()).append('/').append(k.getKey()).append('=').append(k.getValue().state()).append('\n');
                }
            }
        }
        return b.toString();
    }
}
