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
    private final TreeMap<String, TreeMap<String, KeyState>> keys = new TreeMap<>();
    private final TreeMap<String, TreeMap<String, Upload>> uploads = new TreeMap<>();

    KeyState key(String bucket, String key) {
        TreeMap<String, KeyState> b = keys.get(bucket);
        KeyState s = b == null ? null : b.get(key);
        return s == null ? KeyState.EMPTY : s;
    }

    void apply(String bucket, Mutation m) {
        TreeMap<String, KeyState> b = keys.computeIfAbsent(bucket, x -> new TreeMap<>(Keys.ORDER));
        b.put(m.key(), b.getOrDefault(m.key(), KeyState.EMPTY).apply(m));
    }

    void merge(String bucket, String key, KeyState s) {
        TreeMap<String, KeyState> b = keys.computeIfAbsent(bucket, x -> new TreeMap<>(Keys.ORDER));
        b.put(key, b.getOrDefault(key, KeyState.EMPTY).join(s));
    }

    /** Keys that start with {@code prefix} and sort after {@code after}, with their states. */
    List<S3Wire.Entry> scan(String bucket, String prefix, Optional<String> after) {
        List<S3Wire.Entry> out = new ArrayList<>();
        TreeMap<String, KeyState> b = keys.get(bucket);
        if (b == null) {
            return out;
        }
        Map<String, KeyState> view = after.isPresent() && Keys.compareUtf8(after.get(), prefix) >= 0
                ? b.tailMap(after.get(), false) : b.tailMap(prefix, true);
        for (Map.Entry<String, KeyState> e : view.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            out.add(new S3Wire.Entry(e.getKey(), e.getValue()));
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
        for (Map.Entry<String, TreeMap<String, KeyState>> e : keys.entrySet()) {
            for (Map.Entry<String, KeyState> k : e.getValue().entrySet()) {
                if (!k.getValue().slots().isEmpty()) {
                    b.append(e.getKey()).append('/').append(k.getKey()).append('=').append(k.getValue()).append('\n');
                }
            }
        }
        return b.toString();
    }
}
