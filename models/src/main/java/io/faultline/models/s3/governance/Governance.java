package io.faultline.models.s3.governance;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.api.response.DeleteObjectResponse;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.response.PutObjectResponse;
import io.faultline.sim.Context;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * What S3 does after a request, in virtual time, run by the host that admits outside requests:
 * event notifications (FIDELITY A16.13: at least once, in no guaranteed order, each record with a
 * {@code sequencer}), replication of objects written after a rule was set (FIDELITY A16.14:
 * asynchronous, {@code PENDING} then {@code COMPLETED} or {@code FAILED} at the source, {@code REPLICA}
 * at the destination) and server access logs (FIDELITY A16.15: records batched into log objects,
 * delivered late, a few lost). Its own writes (replicas, log objects) go to the front-ends like any
 * request but are not client operations: {@link #writtenKeys()} names them so that no check
 * judges them.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Governance {
    private static final DateTimeFormatter LOG_KEY = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * A replication due: the new version's bytes when its write carried them (a PUT), else its
     * version id, to read it back when the copy is made (a copy, a completed multipart upload).
     */
    private record Pending(String bucket, String key, String etag, ReplicationRule rule, Optional<Body> body,
                           Optional<String> versionId) {
    }

    private final BiConsumer<S3Request, Consumer<S3Result<?>>> send;
    private final Timing timing;
    private final long startEpochMillis;
    private final TreeMap<String, List<NotificationTarget>> notifications = new TreeMap<>();
    private final TreeMap<String, List<ReplicationRule>> replication = new TreeMap<>();
    private final TreeMap<String, LoggingTarget> logging = new TreeMap<>();
    private final TreeMap<String, List<Delivery>> delivered = new TreeMap<>();
    private final TreeMap<String, List<Consumer<Delivery>>> functions = new TreeMap<>();
    private final TreeMap<String, String> replicationStatus = new TreeMap<>();
    private final TreeMap<String, String> replicaSources = new TreeMap<>();
    private final TreeMap<Long, Pending> pending = new TreeMap<>();
    private final TreeMap<String, List<String>> logBuffer = new TreeMap<>();
    private final TreeSet<String> written = new TreeSet<>();
    private long sequence;
    private long requests;

    /**
     * {@code send} sends a request to a front-end as the admitting host does (sharing its request
     * numbers); {@code startEpochMillis} is the wall-clock time of virtual time 0, for log records.
     */
    public Governance(BiConsumer<S3Request, Consumer<S3Result<?>>> send, Timing timing, long startEpochMillis) {
        this.send = send;
        this.timing = timing;
        this.startEpochMillis = startEpochMillis;
    }

    /** Replaces a bucket's notification configuration (empty: none). */
    public void configureNotifications(String bucket, List<NotificationTarget> targets) {
        notifications.put(bucket, List.copyOf(targets));
    }

    /** Replaces a bucket's replication rules; they apply to objects written from now on. */
    public void configureReplication(String bucket, List<ReplicationRule> rules) {
        replication.put(bucket, List.copyOf(rules));
    }

    /** Turns a bucket's access logging on (a target) or off (empty). */
    public void configureLogging(String bucket, Optional<LoggingTarget> target) {
        if (target.isPresent()) {
            logging.put(bucket, target.get());
        } else {
            logging.remove(bucket);
        }
    }

    public List<NotificationTarget> notifications(String bucket) {
        return notifications.getOrDefault(bucket, List.of());
    }

    public List<ReplicationRule> replicationRules(String bucket) {
        return replication.getOrDefault(bucket, List.of());
    }

    public Optional<LoggingTarget> logging(String bucket) {
        return Optional.ofNullable(logging.get(bucket));
    }

    /** Registers a Lambda-style handler: it is called, in virtual time, with every delivery to {@code arn}. */
    public void onFunction(String arn, Consumer<Delivery> handler) {
        functions.computeIfAbsent(arn, a -> new ArrayList<>()).add(handler);
    }

    /** Every delivery to a queue or function so far, in delivery order. */
    public List<Delivery> deliveries(String arn) {
        return List.copyOf(delivered.getOrDefault(arn, List.of()));
    }

    /** {@code x-amz-replication-status} of the version with this ETag, if it takes part in replication. */
    public Optional<String> replicationStatus(String bucket, String key, String etag) {
        return Optional.ofNullable(replicationStatus.get(bucket + "/" + key + "/" + etag));
    }

    /** {@code bucket/key} of every object this host wrote (replicas and log objects). */
    public List<String> writtenKeys() {
        return List.copyOf(written);
    }

    /** A request the front-ends answered: what follows from it is scheduled here. */
    public void observe(Context ctx, S3Request r, Admission admission, S3Result<?> result, long arrivedAt) {
        log(ctx, r, result, arrivedAt);
        if (!(result instanceof S3Result.Ok<?> ok)) {
            return;
        }
        Object v = ok.value();
        if (r instanceof S3Request.PutObject p) {
            PutObjectResponse put = (PutObjectResponse) v;
            // The PUT half of a served copy is the copy's write, and S3 names the event after the copy (FIDELITY A16.13).
            notify(ctx, admission, admission.copyWrite() ? "ObjectCreated:Copy" : "ObjectCreated:Put", p.bucket(), p.key(),
                    p.body().size(), put.etag(), put.versionId());
            replicate(ctx, p.bucket(), p.key(), put, Optional.of(p.body()));
        } else if (r instanceof S3Request.CopyObject c) {
            PutObjectResponse put = (PutObjectResponse) v;
            notify(ctx, admission, "ObjectCreated:Copy", c.bucket(), c.key(), 0, put.etag(), put.versionId());
            replicate(ctx, c.bucket(), c.key(), put, Optional.empty());
        } else if (r instanceof S3Request.CompleteMultipartUpload c) {
            PutObjectResponse put = (PutObjectResponse) v;
            notify(ctx, admission, "ObjectCreated:CompleteMultipartUpload", c.bucket(), c.key(), 0, put.etag(), put.versionId());
            replicate(ctx, c.bucket(), c.key(), put, Optional.empty());
        } else if (r instanceof S3Request.DeleteObject d) {
            DeleteObjectResponse del = (DeleteObjectResponse) v;
            notify(ctx, admission, del.deleteMarker() ? "ObjectRemoved:DeleteMarkerCreated" : "ObjectRemoved:Delete", d.bucket(),
                    d.key(), 0, "", del.versionId());
        } else if (r instanceof S3Request.DeleteObjects d) {
            List<?> each = (List<?>) v;
            for (int i = 0; i < each.size(); i++) {
                if (each.get(i) instanceof S3Result.Ok<?>) {
                    notify(ctx, admission, "ObjectRemoved:Delete", d.bucket(), d.keys().get(i), 0, "", Optional.empty());
                }
            }
        }
    }

    private void notify(Context ctx, Admission admission, String eventName, String bucket, String key, long size, String etag,
                        Optional<String> versionId) {
        String sequencer = String.format("%016X", ++sequence);
        for (NotificationTarget t : notifications.getOrDefault(bucket, List.of())) {
            if (t.matches(eventName, key)) {
                ObjectEvent e = new ObjectEvent(eventName, bucket, key, size, etag, versionId, sequencer, ctx.now(), t.id(),
                        admission.number());
                ctx.setTimer(timing.notifyDelay(ctx.rng()), new GovernanceTimer.Deliver(t, e, 1));
                if (ctx.rng().chance(timing.duplicateChance())) {
                    ctx.setTimer(timing.notifyDelay(ctx.rng()) + timing.notifyMeanNanos(), new GovernanceTimer.Deliver(t, e, 2));
                }
            }
        }
    }

    private void replicate(Context ctx, String bucket, String key, PutObjectResponse put, Optional<Body> body) {
        for (ReplicationRule rule : replication.getOrDefault(bucket, List.of())) {
            if (key.startsWith(rule.prefix()) && !rule.destinationBucket().equals(bucket)) {
                long id = pending.isEmpty() ? 1 : pending.lastKey() + 1;
                pending.put(id, new Pending(bucket, key, put.etag(), rule, body, put.versionId()));
                replicationStatus.put(bucket + "/" + key + "/" + put.etag(), "PENDING");
                ctx.setTimer(timing.replicationLag(ctx.rng()), new GovernanceTimer.Replicate(id));
                return; // one rule per object: the first that matches, as S3's priorities pick one
            }
        }
    }

    private void log(Context ctx, S3Request r, S3Result<?> result, long arrivedAt) {
        requests++;
        LoggingTarget target = r instanceof S3Request.ListBuckets ? null : logging.get(r.bucket());
        if (target == null || ctx.rng().chance(timing.logLossChance())) {
            return;
        }
        List<String> buffer = logBuffer.computeIfAbsent(r.bucket(), b -> new ArrayList<>());
        if (buffer.isEmpty()) {
            ctx.setTimer(timing.logFlushNanos(), new GovernanceTimer.FlushLogs(r.bucket()));
        }
        buffer.add(AccessLogLine.of(r, result, epochMillis(arrivedAt), requests));
    }

    /** Handles this host's timers; false for a timer that is not one. */
    public boolean onTimer(Context ctx, Timer t) {
        if (t instanceof GovernanceTimer.Deliver d) {
            Delivery delivery = new Delivery(d.event(), ctx.now(), d.copy());
            delivered.computeIfAbsent(d.target().arn(), a -> new ArrayList<>()).add(delivery);
            if (d.target().kind() == NotificationTarget.Kind.FUNCTION) {
                functions.getOrDefault(d.target().arn(), List.of()).forEach(h -> h.accept(delivery));
            }
            return true;
        }
        if (t instanceof GovernanceTimer.Replicate r) {
            Pending p = pending.remove(r.id());
            if (p != null && p.body().isPresent()) {
                copyToDestination(p, p.body().get());
            } else if (p != null) {
                // A copy or a multipart upload: its bytes are read back, by version, when the replica is made.
                send.accept(new S3Request.GetObject(p.bucket(), p.key(), p.versionId(), Conditions.none(), ByteRange.NONE), res -> {
                    if (res.isOk()) {
                        copyToDestination(p, ((GetObjectResponse) res.orThrow()).body());
                    } else {
                        replicationStatus.put(p.bucket() + "/" + p.key() + "/" + p.etag(), "FAILED");
                    }
                });
            }
            return true;
        }
        if (t instanceof GovernanceTimer.FlushLogs f) {
            List<String> lines = logBuffer.remove(f.bucket());
            LoggingTarget target = logging.get(f.bucket());
            if (lines != null && target != null) {
                String key = target.prefix() + LOG_KEY.format(Instant.ofEpochMilli(epochMillis(ctx.now())))
                        + String.format("-%016X", requests);
                written.add(target.targetBucket() + "/" + key);
                byte[] body = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
                send.accept(new S3Request.PutObject(target.targetBucket(), key, Body.of(body), WriteConditions.none()), res -> { });
            }
            return true;
        }
        return false;
    }

    private void copyToDestination(Pending p, Body body) {
        String replicaKey = p.rule().destinationBucket() + "/" + p.key();
        written.add(replicaKey);
        send.accept(new S3Request.PutObject(p.rule().destinationBucket(), p.key(), body, WriteConditions.none()), res -> {
            boolean done = res.isOk();
            replicationStatus.put(p.bucket() + "/" + p.key() + "/" + p.etag(), done ? "COMPLETED" : "FAILED");
            if (done) {
                String replicaEtag = ((PutObjectResponse) res.orThrow()).etag();
                replicationStatus.put(replicaKey + "/" + replicaEtag, "REPLICA");
                replicaSources.put(replicaKey + "/" + replicaEtag, p.etag());
            }
        });
    }

    /**
     * The ETag of the source version a replica (this destination key and ETag) was copied from. A
     * replica is written by a PUT, so its stored ETag is a single PUT's even when its source's is a
     * multipart upload's; S3 shows the source's.
     */
    public Optional<String> replicaSourceEtag(String bucket, String key, String etag) {
        return Optional.ofNullable(replicaSources.get(bucket + "/" + key + "/" + etag));
    }

    private long epochMillis(long virtualNanos) {
        return startEpochMillis + virtualNanos / Simulation.MILLIS;
    }
}
