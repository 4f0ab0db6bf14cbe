package io.faultline.models.s3.workload;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.response.ObjectInfo;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.cold.LifecycleRule;
import io.faultline.models.s3.cold.RestoreTier;
import io.faultline.models.s3.cold.UtcTime;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import io.faultline.sim.client.Recorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The {@code s3/lifecycle-to-glacier} client: on day 0 it puts the bucket's lifecycle rule, then,
 * between 09:00 and 15:00 UTC, PUTs its objects in STANDARD; then every day at noon HEADs the probe
 * object ({@code obj-0}); on the restore day it GETs the probe (refused while archived), asks for
 * a restore and GETs hourly until the temporary copy is readable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LifecycleClient extends S3OpClient {
    public static final String PROBE = "obj-0";

    private record Wake() implements Timer {
    }

    /** One answer about the probe as seen: when, what and its status. */
    public record Observation(long nanos, String what, int status) {
    }

    private final String bucket;
    private final LifecycleRule rule;
    private final int objects;
    private final long size;
    private final int restoreDay;
    private final int restoreDays;
    private final RestoreTier tier;
    private final List<Observation> seen = new ArrayList<>();
    private boolean configured;
    private int puts;
    private boolean restoring;
    private boolean restored;
    private boolean getBeforeRestoreDone;

    public LifecycleClient(Recorder recorder, HostId frontEnd, String bucket, LifecycleRule rule, int objects, long size,
                    int restoreDay, int restoreDays, RestoreTier tier) {
        super(recorder, frontEnd);
        this.bucket = bucket;
        this.rule = rule;
        this.objects = objects;
        this.size = size;
        this.restoreDay = restoreDay;
        this.restoreDays = restoreDays;
        this.tier = tier;
    }

    @Override
    public void onStart(Context ctx) {
        super.onStart(ctx);
        ctx.setTimer(9 * Simulation.HOURS + ctx.rng().uniform(0, Simulation.HOURS), new Wake());
    }

    @Override
    protected void onIdle(Context ctx) {
        // every operation is started from a Wake timer
    }

    private S3Request get() {
        return new S3Request.GetObject(bucket, PROBE, Optional.empty(), Conditions.none(), ByteRange.NONE);
    }

    @Override
    protected void onClientTimer(Context ctx, Timer t) {
        if (!(t instanceof Wake) || current().isPresent()) {
            ctx.setTimer(Simulation.MINUTES, new Wake());
            return;
        }
        long now = ctx.now();
        long day = now / Simulation.DAYS;
        if (!configured) {
            perform(ctx, "put-lifecycle", bucket, new S3Request.PutBucketLifecycleConfiguration(bucket, List.of(rule)),
                    r -> configured = r.isOk());
            ctx.setTimer(Simulation.MINUTES, new Wake());
        } else if (puts < objects) {
            String key = "obj-" + puts;
            perform(ctx, "put", key, new S3Request.PutObject(bucket, key, Body.synthetic(size, key),
                    WriteConditions.none(), Optional.of("STANDARD")), r -> puts += r.isOk() ? 1 : 0);
            ctx.setTimer(ctx.rng().uniform(Simulation.MINUTES, 20 * Simulation.MINUTES), new Wake());
        } else if (day >= restoreDay && !getBeforeRestoreDone) {
            perform(ctx, "get", PROBE, get(), r -> {
                seen.add(new Observation(now, "get before restore", status(r)));
                getBeforeRestoreDone = true;
            });
            ctx.setTimer(Simulation.MINUTES, new Wake());
        } else if (getBeforeRestoreDone && !restoring) {
            perform(ctx, "restore", PROBE, new S3Request.RestoreObject(bucket, PROBE, Optional.empty(), restoreDays, tier),
                    r -> {
                        seen.add(new Observation(now, "restore", status(r)));
                        restoring = true;
                    });
            ctx.setTimer(Simulation.HOURS, new Wake());
        } else if (restoring && !restored) {
            perform(ctx, "get", PROBE, get(), r -> {
                seen.add(new Observation(now, "get while restoring", status(r)));
                restored = r.isOk();
            });
            ctx.setTimer(Simulation.HOURS, new Wake());
        } else {
            perform(ctx, "head", PROBE, new S3Request.HeadObject(bucket, PROBE, Optional.empty(), Conditions.none()),
                    r -> seen.add(new Observation(now, "head " + (r.isOk() ? ((ObjectInfo) r.orThrow()).storageClassOrStandard().name()
                            : "-"), status(r))));
            ctx.setTimer(UtcTime.nextMidnight(now + 1) + 12 * Simulation.HOURS - now, new Wake());
        }
    }

    public List<Observation> seen() {
        return List.copyOf(seen);
    }
}
