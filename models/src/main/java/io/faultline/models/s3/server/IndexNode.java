package io.faultline.models.s3.server;

import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.rules.BucketRecord;
import io.faultline.models.s3.rules.IndexLayout;
import io.faultline.models.s3.store.KeyState;
import io.faultline.models.s3.store.Mutation;
import io.faultline.models.s3.wire.S3Wire;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * One replica of the metadata index. It answers reads and scans with its state, applies writes and
 * read repairs by join (last writer wins per version slot), and acknowledges them.
 *
 * <p>Legacy mode: a replica that receives a write with {@code propagate} is its coordinator; after
 * acknowledging it, it copies the write to each peer after a lag drawn per peer (exponential with
 * the configured mean, capped; FIDELITY A1.2 rule 6 [M1]) and resends until the peer acknowledges.
 *
 * <p>Strong mode: a second after a key changed here, a replica pushes the key's state to its
 * group peers, again each second until each acknowledged it (anti-entropy), so that replicas
 * converge once writes stop even if some missed writes.
 *
 * <p>Crashes: the state is in memory. A restarted replica first copies the state of enough peers
 * ({@code n - majority + 1}, which must include one holder of every write a majority acknowledged)
 * and serves no read until then; it still applies and acknowledges writes meanwhile. Its
 * conditional-write leases are lost with its memory; see {@link #lock} for why that stays safe. So the strong
 * protocol stays safe as long as fewer than a majority of the replicas lose their state at once.
 * In legacy mode, a coordinator that crashes before propagating loses the writes only it held (the
 * outbox is volatile): acknowledged data can vanish, which legacy S3 never promised against either.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IndexNode implements Process {
    private record DueReplica(long seq) implements Timer {
    }

    private record RetryReplicas() implements Timer {
    }

    private record RetrySync() implements Timer {
    }

    /** Time to push the keys written here to the peers that have not acknowledged them (strong mode). */
    private record AntiEntropy() implements Timer {
    }

    /** A key's state pushed to a peer, awaiting its acknowledgement. */
    private record Pushed(HostId peer, String bucket, String key, KeyState state) {
    }

    /** A restarted replica's lease grace period is over. */
    private record GraceOver() implements Timer {
    }

    private record Outgoing(HostId peer, String bucket, Mutation mutation) {
    }

    /** A conditional write's hold on a key (FIDELITY A7.2), until its {@link LeaseOver} timer or its unlock. */
    private record Lease(long owner, long serial) {
    }

    /** Lease {@code serial} of {@code key} has run its length (a timer, so clock jumps do not shorten it). */
    private record LeaseOver(String key, long serial) implements Timer {
    }

    private static final long RETRY = 250 * Simulation.MILLIS;
    /**
     * How long after a write a strong replica pushes the key to its group peers, and how often it
     * pushes again to those that have not acknowledged it. Quorums keep reads correct without it,
     * but a replica that missed writes (cut off, or sent a write whose request then failed) would
     * otherwise stay behind until each key is written again, and replicas would never converge
     * once writes stop (FIDELITY A1.2 rule 5, which strong S3 keeps). Only written keys are
     * pushed, so an idle index sends nothing.
     */
    private static final long ANTI_ENTROPY = Simulation.SECONDS;
    private static final String MARK = "s3-index-started";

    private final IndexLayout layout;
    private final HostId self;
    private final int group;
    /** The other replicas of this replica's key-prefix group: keys are copied among them. */
    private final List<HostId> peers;
    /** Every other index host: bucket records are on all of them. */
    private final List<HostId> others;
    private final S3Config config;
    private final List<BucketRecord> initialBuckets;
    private final IndexState state;
    private final TreeMap<Long, Outgoing> due = new TreeMap<>();
    private final TreeMap<Long, Outgoing> unacked = new TreeMap<>();
    private final TreeSet<HostId> synced = new TreeSet<>();
    private final TreeMap<String, Lease> leases = new TreeMap<>();
    private long nextSeq;
    private long leaseSerial;
    /**
     * Keys written here, per peer, not yet acknowledged by it: {@code peer -> bucket -> keys} (by
     * bucket, then key: the order pushes are sent in). Nested sets rather than one set of
     * {@code bucket + key} strings, which cost a string per write and two per push.
     */
    private final TreeMap<HostId, TreeMap<String, TreeSet<String>>> unpushed = new TreeMap<>();
    private final TreeMap<Long, Pushed> pushes = new TreeMap<>();
    private long nextPush;
    private boolean pushArmed;
    private boolean recovering;
    private boolean inGrace;
    private boolean retryArmed;

    /**
     * @param layout         the index's key-prefix groups
     * @param self           this replica
     * @param config         the model's configuration
     * @param initialBuckets buckets that exist from the start
     * @param applied        the cluster's recent writes, shared by its index replicas ({@link AppliedWrites})
     */
    public IndexNode(IndexLayout layout, HostId self, S3Config config, List<BucketRecord> initialBuckets,
                     AppliedWrites applied) {
        this.state = new IndexState(applied);
        this.layout = layout;
        this.self = self;
        this.group = layout.groupOfHost(self);
        List<HostId> p = new ArrayList<>(layout.group(group));
        p.remove(self);
        this.peers = List.copyOf(p);
        List<HostId> o = new ArrayList<>(layout.all());
        o.remove(self);
        this.others = List.copyOf(o);
        this.config = config;
        this.initialBuckets = List.copyOf(initialBuckets);
    }

    /** The replica's data, for checks. */
    public IndexState state() {
        return state;
    }

    public boolean isRecovering() {
        return recovering;
    }

    @Override
    public void onStart(Context ctx) {
        initialBuckets.forEach(state::putBucket);
        if (ctx.disk().exists(MARK)) {
            // Leases are volatile: grant none until every lease granted before the crash expired.
            inGrace = true;
            ctx.setTimer(leaseNanos(), new GraceOver());
            // Without recovery sync (a deliberately broken replica, Safeguards) it serves from empty state.
            recovering = !others.isEmpty() && config.safeguards().recoverySync();
            if (recovering) {
                ctx.log("recovering: copying state from peers");
                askPeers(ctx);
            }
        } else {
            ctx.disk().write(MARK, "1".getBytes(StandardCharsets.UTF_8));
            ctx.disk().fsync();
        }
    }

    /** How long a conditional write's lease lasts: it outlives the request that took it. */
    private long leaseNanos() {
        return 2 * config.deadlineNanos();
    }

    /** Of {@code n} replicas, how many hold every write a majority acknowledged, at the least. */
    private static int needed(int n) {
        return n - (n / 2 + 1) + 1;
    }

    /**
     * Recovered once the copies came from enough group peers to include a holder of every write a
     * majority of the group acknowledged: key writes, and bucket writes, which a majority of every
     * group acknowledged. A replica alone in its group takes any one other host's bucket records.
     */
    private boolean syncedEnough() {
        if (peers.isEmpty()) {
            return !synced.isEmpty();
        }
        return synced.stream().filter(peers::contains).count() >= needed(peers.size() + 1);
    }

    private void askPeers(Context ctx) {
        for (HostId p : others) {
            if (!synced.contains(p)) {
                ctx.send(p, new S3Wire.SyncRequest(0));
            }
        }
        ctx.setTimer(RETRY, new RetrySync());
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof S3Wire.WriteKey w) {
            state.apply(w.bucket(), w.mutation());
            ctx.send(from, new S3Wire.Ack(w.call()));
            written(ctx, w.bucket(), w.mutation().key());
            if (w.propagate()) {
                propagate(ctx, w.bucket(), w.mutation());
            }
        } else if (m instanceof S3Wire.MergeKey mk) {
            state.merge(mk.bucket(), mk.key(), mk.state());
            ctx.send(from, new S3Wire.Ack(mk.call()));
            if (!peers.contains(from)) {
                written(ctx, mk.bucket(), mk.key()); // a read repair; a peer's push is not passed on
            }
        } else if (m instanceof S3Wire.Ack a && peers.contains(from)) {
            pushAcked(from, a.call());
        } else if (m instanceof S3Wire.Replicate r) {
            state.apply(r.bucket(), r.mutation());
            ctx.send(from, new S3Wire.ReplicateAck(r.seq()));
        } else if (m instanceof S3Wire.ReplicateAck a) {
            unacked.remove(a.seq());
        } else if (m instanceof S3Wire.WriteBucket wb) {
            state.putBucket(wb.record());
            ctx.send(from, new S3Wire.Ack(wb.call()));
        } else if (m instanceof S3Wire.WriteUpload wu) {
            state.putUpload(wu.bucket(), wu.upload());
            ctx.send(from, new S3Wire.Ack(wu.call()));
        } else if (m instanceof S3Wire.Unlock u) {
            String k = u.bucket() + '\u0000' + u.key();
            Lease l = leases.get(k);
            if (l != null && l.owner() == u.owner()) {
                leases.remove(k);
            }
        } else if (m instanceof S3Wire.SyncRequest sr) {
            ctx.send(from, new S3Wire.SyncReply(sr.call(), state.snapshot()));
        } else if (m instanceof S3Wire.SyncReply sr) {
            onSync(ctx, from, sr);
        } else if (!recovering) {
            answerRead(ctx, from, m);
        }
    }

    private void answerRead(Context ctx, HostId from, Message m) {
        if (m instanceof S3Wire.LockKey lk) {
            lock(ctx, from, lk);
        } else if (m instanceof S3Wire.ReadKey r) {
            ctx.send(from, new S3Wire.KeyReply(r.call(), state.key(r.bucket(), r.key())));
        } else if (m instanceof S3Wire.Scan s) {
            ctx.send(from, new S3Wire.ScanReply(s.call(), state.scan(s.bucket(), s.prefix(), s.after())));
        } else if (m instanceof S3Wire.ReadBucket rb) {
            ctx.send(from, new S3Wire.BucketsReply(rb.call(), state.bucket(rb.name()).stream().toList()));
        } else if (m instanceof S3Wire.ReadBuckets rb) {
            ctx.send(from, new S3Wire.BucketsReply(rb.call(), state.buckets()));
        } else if (m instanceof S3Wire.ReadUpload ru) {
            ctx.send(from, new S3Wire.UploadReply(ru.call(), state.upload(ru.bucket(), ru.uploadId())));
        } else if (m instanceof S3Wire.ScanUploads su) {
            ctx.send(from, new S3Wire.UploadsReply(su.call(), state.uploads(su.bucket())));
        }
    }

    /**
     * Grants the key's lease to the first conditional write that asks (or renews it for its owner).
     * Two overlapping conditional writes each need a majority of grants and any two majorities
     * share a replica, so at most one proceeds; the other answers 409 ConditionalRequestConflict
     * (FIDELITY A7.2). The lease expires so that a crashed front-end cannot block the key forever.
     *
     * <p>Leases live in memory, so a restarted replica has forgotten the ones it granted. It stays
     * safe without writing them to disk: for one lease length after it starts again it grants no
     * lease at all (a grace period, measured by a timer, which clock jumps do not move), so every
     * lease it may have granted before the crash has expired before it grants another. Meanwhile
     * conditional writes need a majority among the other replicas.
     *
     * <p>A lease's length is measured by a timer, not by the local clock: a replica whose clock
     * jumped forward would otherwise think a live lease expired and grant the key to a second
     * writer while the first still plans on it.
     */
    private void lock(Context ctx, HostId from, S3Wire.LockKey lk) {
        String k = lk.bucket() + '\u0000' + lk.key();
        Lease l = leases.get(k);
        if (inGrace || (l != null && l.owner() != lk.owner())) {
            ctx.send(from, new S3Wire.Locked(lk.call()));
            return;
        }
        long serial = leaseSerial++;
        leases.put(k, new Lease(lk.owner(), serial));
        ctx.setTimer(leaseNanos(), new LeaseOver(k, serial));
        ctx.send(from, new S3Wire.KeyReply(lk.call(), state.key(lk.bucket(), lk.key())));
    }

    /** Strong mode: {@code key} changed here; push it to every peer ({@link #ANTI_ENTROPY}). */
    private void written(Context ctx, String bucket, String key) {
        if (config.mode() != ConsistencyMode.STRONG || peers.isEmpty()) {
            return;
        }
        for (HostId p : peers) {
            unpushed.computeIfAbsent(p, x -> new TreeMap<>()).computeIfAbsent(bucket, x -> new TreeSet<>()).add(key);
        }
        armPush(ctx);
    }

    private void armPush(Context ctx) {
        if (!pushArmed) {
            pushArmed = true;
            ctx.setTimer(ANTI_ENTROPY, new AntiEntropy());
        }
    }

    /** Sends each unacknowledged key's current state to its peer (joining it there is a read repair). */
    private void push(Context ctx) {
        pushArmed = false;
        pushes.clear();
        for (Map.Entry<HostId, TreeMap<String, TreeSet<String>>> e : unpushed.entrySet()) {
            for (Map.Entry<String, TreeSet<String>> b : e.getValue().entrySet()) {
                String bucket = b.getKey();
                for (String key : b.getValue()) {
                    KeyState now = state.key(bucket, key);
                    long call = nextPush++;
                    pushes.put(call, new Pushed(e.getKey(), bucket, key, now));
                    ctx.send(e.getKey(), new S3Wire.MergeKey(call, bucket, key, now));
                }
            }
        }
        if (!pushes.isEmpty()) {
            armPush(ctx);
        }
    }

    /** The peer holds what was pushed: done with the key, unless it changed here since. */
    private void pushAcked(HostId peer, long call) {
        Pushed p = pushes.remove(call);
        if (p == null || !p.peer().equals(peer) || !p.state().equals(state.key(p.bucket(), p.key()))) {
            return;
        }
        TreeMap<String, TreeSet<String>> buckets = unpushed.get(peer);
        TreeSet<String> keys = buckets == null ? null : buckets.get(p.bucket());
        if (keys != null) {
            keys.remove(p.key());
            if (keys.isEmpty()) {
                buckets.remove(p.bucket());
                if (buckets.isEmpty()) {
                    unpushed.remove(peer);
                }
            }
        }
    }

    private void onSync(Context ctx, HostId from, S3Wire.SyncReply sr) {
        if (!recovering) {
            return;
        }
        state.join(sr.snapshot(), key -> layout.groupOf(key) == group);
        synced.add(from);
        if (syncedEnough()) {
            recovering = false;
            ctx.log("recovered from " + synced);
        }
    }

    private void propagate(Context ctx, String bucket, Mutation mutation) {
        for (HostId p : peers) {
            long seq = nextSeq++;
            due.put(seq, new Outgoing(p, bucket, mutation));
            long lag = Math.min(config.lagCapNanos(), (long) ctx.rng().exponential(config.lagMeanNanos()));
            ctx.setTimer(lag, new DueReplica(seq));
        }
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (t instanceof DueReplica d) {
            Outgoing o = due.remove(d.seq());
            if (o != null) {
                unacked.put(d.seq(), o);
                ctx.send(o.peer(), new S3Wire.Replicate(d.seq(), o.bucket(), o.mutation()));
                if (!retryArmed) {
                    retryArmed = true;
                    ctx.setTimer(RETRY, new RetryReplicas());
                }
            }
        } else if (t instanceof RetryReplicas) {
            retryArmed = false;
            for (Map.Entry<Long, Outgoing> e : unacked.entrySet()) {
                Outgoing o = e.getValue();
                ctx.send(o.peer(), new S3Wire.Replicate(e.getKey(), o.bucket(), o.mutation()));
            }
            if (!unacked.isEmpty()) {
                retryArmed = true;
                ctx.setTimer(RETRY, new RetryReplicas());
            }
        } else if (t instanceof LeaseOver lo) {
            Lease l = leases.get(lo.key());
            if (l != null && l.serial() == lo.serial()) {
                leases.remove(lo.key());
            }
        } else if (t instanceof AntiEntropy) {
            push(ctx);
        } else if (t instanceof GraceOver) {
            inGrace = false;
        } else if (t instanceof RetrySync && recovering) {
            askPeers(ctx);
        }
    }
}
