package io.faultline.models.s3.store;

import io.faultline.models.s3.api.response.DeleteObjectResponse;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.cold.LifecycleAction;
import io.faultline.models.s3.cold.LifecycleEvaluator;
import io.faultline.models.s3.cold.LifecycleObject;
import io.faultline.models.s3.cold.StorageClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * What the daily lifecycle run writes for one key (FIDELITY A9.3, A9.4), planned as mutations like
 * every other write: a transition revises the version in place (its stamp, and so its place among
 * the versions, unchanged); an expiration of the current version is DeleteObject without a version
 * ID (removal when unversioned, a delete marker when enabled, a null delete marker when suspended);
 * a noncurrent expiration removes that version for good; a delete marker left as the key's only
 * version is removed when a rule asks for it ({@code ExpiredObjectDeleteMarker}). A version counts as
 * noncurrent from the time the next newer version (or delete marker) was written.
 *
 * <pre>{@code
 * List<LifecycleOps.Step> steps = LifecycleOps.plan("k", state, VersioningState.ENABLED, evaluator, now,
 *         () -> stamp(), s -> Ids.version(s));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LifecycleOps {
    private LifecycleOps() {
    }

    /**
     * One action to write.
     *
     * @param versionId the version the action is about
     * @param from      its class before the action
     * @param size      its size in bytes
     * @param created   its Last-Modified
     * @param action    what the evaluator asked for
     * @param mutation  the write that carries it out
     */
    public record Step(String versionId, StorageClass from, long size, long created, LifecycleAction action,
                       Mutation mutation) {
    }

    /** The actions due for {@code key}'s versions at {@code now}, at most one per version. */
    public static List<Step> plan(String key, KeyState state, VersioningState v, LifecycleEvaluator lifecycle,
                                  long now, Supplier<Stamp> stamps, Function<Stamp, String> freshVersionIds) {
        List<Step> steps = new ArrayList<>();
        List<KeyState.Current> versions = state.versionsNewestFirst();
        if (versions.size() == 1 && versions.get(0).slot() instanceof Slot.DeleteMarker dm) {
            // an "expired object delete marker": the key's only version (A9.3)
            String vid = versions.get(0).versionId();
            lifecycle.expiredMarker(key, now).ifPresent(a -> steps.add(new Step(vid, StorageClass.STANDARD, 0,
                    dm.lastModified(), a, new Mutation(key, vid, new Slot.Erased(stamps.get())))));
            return steps;
        }
        for (int i = 0; i < versions.size(); i++) {
            if (!(versions.get(i).slot() instanceof Slot.Version version)) {
                continue;
            }
            String vid = versions.get(i).versionId();
            StoredObject o = version.object();
            Optional<Long> noncurrentSince = i == 0 ? Optional.empty()
                    : Optional.of(versions.get(i - 1).slot().stamp().time());
            // [U] every noncurrent version newer than this one counts for NewerNoncurrentVersions, delete markers too
            LifecycleObject lo = new LifecycleObject(key, o.size(), o.storageClass(), o.lastModified(), noncurrentSince,
                    Math.max(0, i - 1));
            Optional<LifecycleAction> due = lifecycle.due(lo, now);
            if (due.isEmpty()) {
                continue;
            }
            LifecycleAction a = due.get();
            Stamp s = stamps.get();
            Mutation m;
            if (a instanceof LifecycleAction.Transition t) {
                m = new Mutation(key, vid, version.revise(o.in(t.target()), s));
            } else if (a instanceof LifecycleAction.ExpireNoncurrent) {
                m = new Mutation(key, vid, new Slot.Erased(s));
            } else {
                S3Result<ObjectOps.Planned<DeleteObjectResponse>> p = ObjectOps.delete(key, state, v, Optional.empty(), s,
                        freshVersionIds.apply(s), now);
                if (!(p instanceof S3Result.Ok<ObjectOps.Planned<DeleteObjectResponse>> ok)) {
                    continue;
                }
                m = ok.value().mutation();
            }
            steps.add(new Step(vid, o.storageClass(), o.size(), o.lastModified(), a, m));
        }
        return steps;
    }
}
