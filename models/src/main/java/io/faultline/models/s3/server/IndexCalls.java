package io.faultline.models.s3.server;

import io.faultline.models.s3.config.Safeguards;
import io.faultline.models.s3.api.Keys;
import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.models.s3.rules.BucketRecord;
import io.faultline.models.s3.rules.IndexLayout;
import io.faultline.models.s3.store.KeyState;
import io.faultline.models.s3.store.Mutation;
import io.faultline.models.s3.store.Stamp;
import io.faultline.models.s3.store.Upload;
import io.faultline.models.s3.wire.S3Wire;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * How a front-end reads and writes the index, where the two consistency modes differ
 * (see {@link ConsistencyMode} for why the strong one is strong).
 *
 * <ul>
 *   <li>Strong: quorum reads joined by last-writer-wins and written back to a majority before they
 *       are used (ABD); writes stamped after the quorum's highest stamp and acknowledged by a
 *       majority.</li>
 *   <li>Legacy: unconditional writes go to one random replica (which propagates them late), reads
 *       and scans ask one random replica; a read that finds no trace of the key asks them all.</li>
 * </ul>
 * Bucket records and multipart uploads use quorums in both modes (they are not what the legacy
 * anomalies of FIDELITY A1.2 are about).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IndexCalls {
    /** The longest a front-end reuses a bucket record for object requests (see {@link #bucketForObjects}). */
    static final long BUCKET_CACHE = 100 * io.faultline.sim.Simulation.MILLIS;

    private record CachedBucket(Optional<BucketRecord> record, long fetched) {
    }

    private final FrontEndContext front;
    private final Context ctx;
    private final TreeMap<String, Long> negativeCache = new TreeMap<>();
    private final TreeMap<String, CachedBucket> bucketCache = new TreeMap<>();
    /** Conditional writes holding key leases, by request: released when the request is answered. */
    private final TreeMap<Long, S3Wire.Unlock> leased = new TreeMap<>();
    private long seq;

    IndexCalls(FrontEndContext front, Context ctx) {
        this.front = front;
        this.ctx = ctx;
    }

    private boolean strong() {
        return front.config().mode() == ConsistencyMode.STRONG;
    }

    private Safeguards guards() {
        return front.config().safeguards();
    }

    /** Replicas of {@code key}'s group a strong read waits for (a majority unless weakened). */
    private int readQuorum(String key) {
        return guards().readQuorum(front.layout().replicasOf(key).size(), front.layout().majorityOf(key));
    }

    /** One replica of {@code key}'s group, at random (legacy). */
    private HostId randomReplica(String key) {
        List<HostId> group = front.layout().replicasOf(key);
        return group.get(ctx.rng().nextInt(group.size()));
    }

    /**
     * Sequence numbers of ordinary stamps are spaced this far apart, so that the stamps just after
     * one ({@link #conditionalStamp}) fall between it and the next ordinary stamp of its writer.
     */
    private static final long SEQ_SPACING = 1L << 16;

    /** A stamp after everything in {@code seen} (strong) or from this front-end's clock (legacy). */
    Stamp stamp(KeyState seen) {
        long t = ctx.now();
        if (strong() && guards().stampAfterRead()) {
            t = Math.max(t, seen.maxStamp().time() + 1);
        }
        return new Stamp(t, front.frontEnd(), SEQ_SPACING * seq++);
    }

    /**
     * The stamp of a conditional write planned on {@code basis} (FIDELITY A7.2: the condition is
     * evaluated where the write is ordered): right after the basis's newest stamp, before any
     * stamp another write can get. An unconditional write the conditional one did not see, which
     * ran alongside it, is thus ordered after it (it has a stamp after the basis too, and every
     * such stamp is greater), never between the state the condition was checked on and the
     * conditional write. With a stamp from the clock instead, a concurrent PUT stamped earlier
     * could land between them, and the conditional write would win over a state it never checked.
     * Two conditional writes on one basis differ by their front-end; the lease lets at most one
     * of them proceed.
     */
    Stamp conditionalStamp(KeyState basis) {
        if (!strong() || !guards().stampAfterRead()) {
            return stamp(basis);
        }
        Stamp b = basis.maxStamp();
        return new Stamp(b.time(), b.writer(), b.seq() + 1 + front.frontEnd());
    }

    // ---- keys ----

    /** The state a write is planned on: a joined quorum (strong, or legacy with conditions), or nothing. */
    void readForWrite(long requestId, String bucket, String key, boolean needState, Consumer<KeyState> k) {
        if (strong() && needState && guards().writeLease()) {
            lockedRead(requestId, bucket, key, k);
        } else if (strong() && needState) {
            quorumRead(requestId, bucket, key, k);
        } else if (strong()) {
            quorumRead(requestId, bucket, key, k);
        } else if (needState) {
            front.calls().start(ctx, requestId, List.of(randomReplica(key)), 1, c -> new S3Wire.ReadKey(c, bucket, key),
                    replies -> k.accept(joinKeys(replies)));
        } else {
            k.accept(KeyState.EMPTY);
        }
    }

    /**
     * The state a read-modify-write of the index plans on without a lease (RestoreObject, which
     * needs the version's restore state): a majority's join in strong mode, one random replica in
     * legacy mode (where a stale replica can answer 202 twice, as its reads can be stale).
     */
    void readForUpdate(long requestId, String bucket, String key, Consumer<KeyState> k) {
        if (strong()) {
            quorumRead(requestId, bucket, key, k);
        } else {
            front.calls().start(ctx, requestId, List.of(randomReplica(key)), 1, c -> new S3Wire.ReadKey(c, bucket, key),
                    replies -> k.accept(joinKeys(replies)));
        }
    }

    /** The state a read answers from. */
    void readForGet(long requestId, String bucket, String key, Consumer<KeyState> k) {
        if (strong()) {
            quorumReadRepaired(requestId, bucket, key, k);
            return;
        }
        front.calls().start(ctx, requestId, List.of(randomReplica(key)), 1, c -> new S3Wire.ReadKey(c, bucket, key), replies -> {
            KeyState s = joinKeys(replies);
            if (!s.slots().isEmpty()) {
                k.accept(s);
                return;
            }
            // No trace of the key here: new-object read-after-write (A1.2 rule 1) asks every replica.
            List<HostId> group = front.layout().replicasOf(key);
            long call = front.calls().start(ctx, requestId, group, group.size(),
                    c -> new S3Wire.ReadKey(c, bucket, key), all -> k.accept(joinKeys(all)));
            ctx.setTimer(front.config().fallbackNanos(), new FrontEnd.Window(call));
        });
    }

    /**
     * A conditional write's first phase (FIDELITY A7.2): a quorum read that also leases the key on
     * each replica. If a majority granted the lease, the write plans on their joined state and
     * holds the lease until it is answered (so no other conditional write can plan meanwhile); if
     * too many replicas leased the key to another conditional write for a majority to remain, it
     * answers 409 ConditionalRequestConflict.
     */
    private void lockedRead(long requestId, String bucket, String key, Consumer<KeyState> k) {
        long owner = ((long) front.frontEnd() << 40) | requestId;
        leased.put(requestId, new S3Wire.Unlock(bucket, key, owner));
        List<HostId> group = front.layout().replicasOf(key);
        int n = group.size();
        int majority = front.layout().majorityOf(key);
        // Wait until a majority granted or a majority can no longer grant: with every replica
        // reachable, one of two racing writes gets a majority and proceeds (FIDELITY A7.2).
        front.calls().start(ctx, requestId, group, replies -> grants(replies) >= majority
                        || replies.size() - grants(replies) > n - majority,
                c -> new S3Wire.LockKey(c, bucket, key, owner), replies -> {
            if (grants(replies) < majority) {
                front.respond(requestId, S3Result.err(S3Error.CONDITIONAL_REQUEST_CONFLICT,
                        "A conflicting conditional operation is currently in progress against this resource. "
                                + "Please try again."));
                return;
            }
            k.accept(joinKeys(replies));
        });
    }

    private static long grants(Map<HostId, S3Wire> replies) {
        // A loop, not a stream: this runs on every reply to a conditional write's lease request.
        long n = 0;
        for (S3Wire r : replies.values()) {
            if (r instanceof S3Wire.KeyReply) {
                n++;
            }
        }
        return n;
    }

    /** Request {@code requestId} is answered: drop its key lease, if it took one. */
    void release(long requestId) {
        S3Wire.Unlock u = leased.remove(requestId);
        if (u != null) {
            for (HostId h : front.layout().replicasOf(u.key())) {
                ctx.send(h, u);
            }
        }
    }

    private void quorumRead(long requestId, String bucket, String key, Consumer<KeyState> k) {
        front.calls().start(ctx, requestId, front.layout().replicasOf(key), readQuorum(key),
                c -> new S3Wire.ReadKey(c, bucket, key), replies -> k.accept(joinKeys(replies)));
    }

    /** ABD read: join a majority's states, then make sure a majority holds the join. */
    private void quorumReadRepaired(long requestId, String bucket, String key, Consumer<KeyState> k) {
        List<HostId> group = front.layout().replicasOf(key);
        int majority = front.layout().majorityOf(key);
        front.calls().start(ctx, requestId, group, readQuorum(key), c -> new S3Wire.ReadKey(c, bucket, key), replies -> {
            KeyState joined = joinKeys(replies);
            if (!guards().readRepair()) {
                k.accept(joined);
                return;
            }
            List<HostId> behind = new ArrayList<>();
            int upToDate = 0;
            for (HostId h : group) {
                S3Wire r = replies.get(h);
                if (r instanceof S3Wire.KeyReply kr && kr.state().equals(joined)) {
                    upToDate++;
                } else {
                    behind.add(h);
                }
            }
            if (upToDate >= majority) {
                k.accept(joined);
                return;
            }
            front.calls().start(ctx, requestId, behind, majority - upToDate,
                    c -> new S3Wire.MergeKey(c, bucket, key, joined), acks -> k.accept(joined));
        });
    }

    void write(long requestId, String bucket, Mutation m, Runnable k) {
        if (strong()) {
            List<HostId> group = front.layout().replicasOf(m.key());
            front.calls().start(ctx, requestId, group, guards().writeQuorum(group.size(), front.layout().majorityOf(m.key())),
                    c -> new S3Wire.WriteKey(c, bucket, m, false), acks -> k.run());
        } else {
            front.calls().start(ctx, requestId, List.of(randomReplica(m.key())), 1, c -> new S3Wire.WriteKey(c, bucket, m, true),
                    acks -> k.run());
        }
    }

    /**
     * Key states under {@code prefix}: from every index group the prefix reaches ({@link IndexLayout}),
     * a joined majority (strong or {@code quorum}) or one random replica (legacy).
     */
    void scan(long requestId, String bucket, String prefix, boolean quorum, Consumer<TreeMap<String, KeyState>> k) {
        boolean q = quorum || strong();
        List<Integer> groups = front.layout().groupsFor(prefix);
        List<HostId> targets = new ArrayList<>();
        for (int g : groups) {
            List<HostId> group = front.layout().group(g);
            if (q) {
                targets.addAll(group);
            } else {
                targets.add(group.get(ctx.rng().nextInt(group.size())));
            }
        }
        // A strong LIST waits for the read quorum of each group; an explicit quorum one (DeleteBucket's
        // emptiness check) for a majority whatever the safeguards.
        boolean weakened = !quorum && strong();
        front.calls().start(ctx, requestId, targets, replies -> weakened ? fromEveryGroupRead(groups, replies)
                        : fromEveryGroup(groups, replies, q),
                c -> new S3Wire.Scan(c, bucket, prefix, Optional.empty()), replies -> {
                    TreeMap<String, KeyState> joined = new TreeMap<>(Keys.ORDER);
                    List<S3Wire.Entry> first = null;
                    for (S3Wire r : replies.values()) {
                        List<S3Wire.Entry> entries = ((S3Wire.ScanReply) r).entries();
                        // Replicas usually agree: an identical reply adds nothing to the join.
                        if (first != null && entries.equals(first)) {
                            continue;
                        }
                        for (S3Wire.Entry e : entries) {
                            joined.merge(e.key(), e.state(), KeyState::join);
                        }
                        first = first == null ? entries : first;
                    }
                    k.accept(joined);
                });
    }

    /** True once each group answered by its read quorum ({@link Safeguards#readQuorum}). */
    private boolean fromEveryGroupRead(List<Integer> groups, Map<HostId, S3Wire> replies) {
        for (int g : groups) {
            List<HostId> group = front.layout().group(g);
            long answered = answered(group, replies);
            if (answered < guards().readQuorum(group.size(), group.size() / 2 + 1)) {
                return false;
            }
        }
        return true;
    }

    /** True once each group answered by a majority ({@code quorum}) or by the one replica asked. */
    private boolean fromEveryGroup(List<Integer> groups, Map<HostId, S3Wire> replies, boolean quorum) {
        for (int g : groups) {
            List<HostId> group = front.layout().group(g);
            long answered = answered(group, replies);
            if (answered < (quorum ? group.size() / 2 + 1 : 1)) {
                return false;
            }
        }
        return true;
    }

    /** How many of {@code group} replied (a loop, not a stream: it runs on every reply to a scan). */
    private static int answered(List<HostId> group, Map<HostId, S3Wire> replies) {
        int n = 0;
        for (HostId h : group) {
            if (replies.containsKey(h)) {
                n++;
            }
        }
        return n;
    }

    private static KeyState joinKeys(Map<HostId, S3Wire> replies) {
        KeyState s = KeyState.EMPTY;
        for (S3Wire r : replies.values()) {
            if (r instanceof S3Wire.KeyReply kr) {
                s = s.join(kr.state());
            }
        }
        return s;
    }

    // ---- the legacy negative cache (FIDELITY A1.2 rule 1) ----

    boolean negativelyCached(String bucket, String key) {
        Long until = negativeCache.get(bucket + "\u0000" + key);
        return until != null && ctx.now() < until;
    }

    /** Remembers a 404 for a propagation window drawn like the replication lag (A1.2 rules 1 and 6). */
    void rememberMissing(String bucket, String key) {
        long lag = Math.min(front.config().lagCapNanos(), (long) ctx.rng().exponential(front.config().lagMeanNanos()));
        negativeCache.put(bucket + "\u0000" + key, ctx.now() + lag);
    }

    // ---- buckets ----

    /**
     * Every bucket record, joined from a majority of one index group (both modes: bucket records are
     * not what A1.2 is about). Bucket records are on every index host and a write waits for a
     * majority of every group ({@link #writeBucket}), so any one group's majority has seen it: a
     * group cut off stops only the keys it serves.
     */
    void buckets(long requestId, Consumer<TreeMap<String, BucketRecord>> k) {
        front.calls().start(ctx, requestId, front.indexHosts(), this::fromAnyGroup, S3Wire.ReadBuckets::new,
                replies -> k.accept(joinBuckets(replies)));
    }

    private boolean fromAnyGroup(Map<HostId, S3Wire> replies) {
        for (int g = 0; g < front.layout().groupCount(); g++) {
            List<HostId> group = front.layout().group(g);
            if (answered(group, replies) >= group.size() / 2 + 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * The bucket's record, joined from a majority of one group (see {@link #buckets}). Front-ends keep no copy: the only lag in bucket
     * configuration is the record's own {@link BucketRecord#effectiveAt} (FIDELITY A1.3).
     */
    void bucket(long requestId, String name, Consumer<Optional<BucketRecord>> k) {
        front.calls().start(ctx, requestId, front.indexHosts(), this::fromAnyGroup, c -> new S3Wire.ReadBucket(c, name),
                replies -> k.accept(Optional.ofNullable(joinBuckets(replies).get(name))));
    }

    /**
     * The bucket's record for an object request: read as {@link #bucket} does, or reused if this
     * front-end read it less than {@link #bucketCacheNanos} ago. The reuse changes no answer beyond
     * the bucket-configuration delay itself: every bucket change takes effect at least that long
     * after it is written ({@link #bucketConfigDelay}), so a record read before a change is reused
     * only while the change has not taken effect yet, when a fresh read would look the same.
     */
    void bucketForObjects(long requestId, String name, Consumer<Optional<BucketRecord>> k) {
        CachedBucket c = bucketCache.get(name);
        if (c != null && ctx.now() - c.fetched() < bucketCacheNanos()) {
            k.accept(c.record());
            return;
        }
        bucket(requestId, name, r -> {
            bucketCache.put(name, new CachedBucket(r, ctx.now()));
            k.accept(r);
        });
    }

    /** How long a bucket record may be reused: 100 ms, or nothing when bucket changes are immediate. */
    private long bucketCacheNanos() {
        return Math.min(BUCKET_CACHE, front.config().bucketConfigDelayNanos());
    }

    private static TreeMap<String, BucketRecord> joinBuckets(Map<HostId, S3Wire> replies) {
        TreeMap<String, BucketRecord> joined = new TreeMap<>();
        for (S3Wire r : replies.values()) {
            for (BucketRecord b : ((S3Wire.BucketsReply) r).buckets()) {
                joined.merge(b.name(), b, BucketRecord::join);
            }
        }
        return joined;
    }

    void writeBucket(long requestId, BucketRecord r, Runnable k) {
        List<Integer> groups = front.layout().groupsFor("");
        front.calls().start(ctx, requestId, front.indexHosts(), acks -> fromEveryGroup(groups, acks, true),
                c -> new S3Wire.WriteBucket(c, r), acks -> {
                    bucketCache.put(r.name(), new CachedBucket(Optional.of(r), ctx.now()));
                    k.run();
                });
    }

    /** How long a bucket change (creation, deletion, versioning, lifecycle) takes to take effect (FIDELITY A1.3 [M2]). */
    long bucketConfigDelay() {
        long max = front.config().bucketConfigDelayNanos();
        long floor = bucketCacheNanos();
        // [M2] Uniform between the front-ends' bucket-record reuse (100 ms) and the maximum: no
        // change is faster than that reuse, so the reuse never shows a change late.
        return max <= floor ? max : floor + ctx.rng().uniform(0, max - floor);
    }

    Stamp bucketStamp(Optional<BucketRecord> seen) {
        long t = Math.max(ctx.now(), seen.map(b -> b.stamp().time() + 1).orElse(Long.MIN_VALUE));
        return new Stamp(t, front.frontEnd(), seq++);
    }

    // ---- multipart uploads ----

    /** The upload, read from a majority of its key's group. */
    void upload(long requestId, String bucket, String key, String uploadId, Consumer<Optional<Upload>> k) {
        front.calls().start(ctx, requestId, front.layout().replicasOf(key), front.layout().majorityOf(key),
                c -> new S3Wire.ReadUpload(c, bucket, uploadId), replies -> {
            Optional<Upload> joined = Optional.empty();
            for (S3Wire r : replies.values()) {
                Optional<Upload> u = ((S3Wire.UploadReply) r).upload();
                if (u.isPresent()) {
                    joined = Optional.of(joined.map(j -> j.join(u.get())).orElse(u.get()));
                }
            }
            k.accept(joined);
        });
    }

    void writeUpload(long requestId, String bucket, Upload u, Runnable k) {
        front.calls().start(ctx, requestId, front.layout().replicasOf(u.key()), front.layout().majorityOf(u.key()),
                c -> new S3Wire.WriteUpload(c, bucket, u), acks -> k.run());
    }

    /** Every upload of the bucket: a majority of every index group. */
    void uploads(long requestId, String bucket, Consumer<List<Upload>> k) {
        List<Integer> groups = front.layout().groupsFor("");
        front.calls().start(ctx, requestId, front.indexHosts(), replies -> fromEveryGroup(groups, replies, true),
                c -> new S3Wire.ScanUploads(c, bucket), replies -> {
            TreeMap<String, Upload> joined = new TreeMap<>();
            for (S3Wire r : replies.values()) {
                for (Upload u : ((S3Wire.UploadsReply) r).uploads()) {
                    joined.merge(u.uploadId(), u, Upload::join);
                }
            }
            k.accept(new ArrayList<>(joined.values()));
        });
    }

    long now() {
        return ctx.now();
    }

    /** The front-end's seeded random stream (a restore's completion time is drawn from it, A10.1). */
    io.faultline.sim.Rng rng() {
        return ctx.rng();
    }
}
