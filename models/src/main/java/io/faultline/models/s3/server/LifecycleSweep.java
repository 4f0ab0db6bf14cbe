package io.faultline.models.s3.server;

import io.faultline.models.s3.cold.LifecycleAction;
import io.faultline.models.s3.cold.LifecycleEvaluator;
import io.faultline.models.s3.cold.StorageClass;
import io.faultline.models.s3.cold.UtcTime;
import io.faultline.models.s3.rules.BucketRecord;
import io.faultline.models.s3.store.KeyState;
import io.faultline.models.s3.store.LifecycleOps;
import io.faultline.models.s3.store.Slot;
import io.faultline.models.s3.store.Upload;
import io.faultline.models.s3.store.VersioningState;
import io.faultline.sim.Context;
import io.faultline.sim.Timer;
import java.util.EnumMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The daily lifecycle process (FIDELITY A9.4 [M8]): at every 00:00 UTC of virtual time, plus a lag
 * drawn up to {@link ColdPath.Settings#lifecycleLagNanos}, front-end 0 reads the bucket records and,
 * for each bucket with lifecycle rules in effect then (a configuration still within the bucket
 * delay of A1.3 is not, yet), every key (a quorum scan) and its open multipart uploads. It
 * asks {@link LifecycleEvaluator} what is due for each version and writes it through the index like
 * any client write: transitions, expirations (a removal or a delete marker per versioning, A9.3),
 * noncurrent-version actions, and aborts of incomplete uploads (A3.4). Billing follows the due time,
 * not the run's (A9.4: "billing changes as soon as the object becomes eligible").
 *
 * <p>An action whose write is not acknowledged (no quorum) is simply still due the next day. A
 * crash of front-end 0 skips the runs while it is down, like a late sweep.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LifecycleSweep {
    /** The timer of the next run. */
    record Run() implements Timer {
    }

    private final FrontEndContext front;
    private final IndexCalls indexCalls;
    private final Context ctx;
    private long owner = -1;

    LifecycleSweep(FrontEndContext front, IndexCalls indexCalls, Context ctx) {
        this.front = front;
        this.indexCalls = indexCalls;
        this.ctx = ctx;
    }

    /** Sets the timer of the next run: the next 00:00 UTC strictly after now, plus the lag. */
    void arm() {
        long max = front.cold().settings().lifecycleLagNanos();
        long lag = max == 0 ? 0 : ctx.rng().uniform(0, max);
        long next = UtcTime.nextMidnight(ctx.now() + 1) + lag;
        ctx.setTimer(next - ctx.now(), new Run());
    }

    void run() {
        if (owner >= 0) {
            front.calls().dropOwner(owner);   // yesterday's calls that never completed: retried from scratch today
        }
        long requestId = front.internalRequest();
        owner = requestId;
        long now = ctx.now();
        arm();
        indexCalls.buckets(requestId, all -> {
            EnumMap<StorageClass, Long> bytes = new EnumMap<>(StorageClass.class);
            int[] left = {0};
            for (BucketRecord b : all.values()) {
                if (b.existsAt(now) && !b.lifecycleAt(now).isEmpty()) {
                    left[0]++;
                }
            }
            if (left[0] == 0) {
                front.cold().sample(now, bytes);
                return;
            }
            for (BucketRecord b : all.values()) {
                if (b.existsAt(now) && !b.lifecycleAt(now).isEmpty()) {
                    bucket(requestId, b.asSeenAt(now), now, bytes, () -> {
                        if (--left[0] == 0) {
                            front.cold().sample(now, bytes);
                        }
                    });
                }
            }
        });
        front.armResend();
    }

    private void bucket(long requestId, BucketRecord rec, long now, Map<StorageClass, Long> bytes, Runnable scanned) {
        VersioningState v = rec.versioning();
        LifecycleEvaluator lc = new LifecycleEvaluator(rec.lifecycle(), v != VersioningState.UNVERSIONED,
                front.cold().settings().sizeFloor());
        indexCalls.scan(requestId, rec.name(), "", true, keys -> {
            for (Map.Entry<String, KeyState> e : keys.entrySet()) {
                String key = e.getKey();
                KeyState state = e.getValue();
                KeyState after = state;
                for (LifecycleOps.Step step : LifecycleOps.plan(key, state, v, lc, now, () -> indexCalls.stamp(state),
                        s -> Handlers.versionId(rec, s))) {
                    indexCalls.write(requestId, rec.name(), step.mutation(), () -> applied(rec, key, step, now));
                    after = after.apply(step.mutation());
                }
                for (KeyState.Current c : after.versionsNewestFirst()) {
                    if (c.slot() instanceof Slot.Version ver) {
                        bytes.merge(ver.object().storageClass(), ver.object().size(), Long::sum);
                    }
                }
            }
            scanned.run();
        });
        indexCalls.uploads(requestId, rec.name(), uploads -> {
            for (Upload u : uploads) {
                if (!u.isOpen()) {
                    continue;
                }
                lc.abortDue(u.key(), u.initiated()).filter(due -> due <= now).ifPresent(due ->
                        indexCalls.writeUpload(requestId, rec.name(), u.finish(Upload.Status.ABORTED), () -> front.cold().recordApplied(
                                new ColdPath.Applied(rec.name(), u.key(), "upload " + u.uploadId(), u.initiated(),
                                        new LifecycleAction.AbortIncompleteUpload(abortRule(rec, u), due), now))));
            }
        });
    }

    private static String abortRule(BucketRecord rec, Upload u) {
        return rec.lifecycle().stream().filter(r -> r.matches(u.key()) && r.abortIncompleteUploadDays().isPresent())
                .map(r -> r.id()).findFirst().orElse("");
    }

    /** Bills and records one action once the index acknowledged it. */
    private void applied(BucketRecord rec, String key, LifecycleOps.Step step, long now) {
        LifecycleAction a = step.action();
        String vid = step.versionId();
        if (a instanceof LifecycleAction.Transition t) {
            front.cold().transitioned(rec.name(), key, vid, t.target(), t.dueNanos());
        } else if (a instanceof LifecycleAction.ExpireNoncurrent || step.mutation().slot() instanceof Slot.Erased
                || step.mutation().versionId().equals(KeyState.NULL_VERSION)) {
            front.cold().removed(rec.name(), key, step.mutation().versionId(), a.dueNanos());
        }
        front.cold().recordApplied(new ColdPath.Applied(rec.name(), key, vid, step.created(), a, now));
    }
}
