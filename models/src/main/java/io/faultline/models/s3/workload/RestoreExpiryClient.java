package io.faultline.models.s3.workload;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.cold.RestoreTier;
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
 * The {@code s3/restore-expiry} client, a fixed script: PUT an object straight into GLACIER
 * ({@code x-amz-storage-class}) on day 0; on day 1 GET it (403), restore it (202), restore it again
 * (409 while in progress), then GET hourly until the temporary copy is readable, and on until it is
 * gone again (the observations keep the first GET and every change of status).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RestoreExpiryClient extends S3OpClient {
    static final String KEY = "archive-1";

    private record Wake() implements Timer {
    }

    /** One answer as seen, with the {@code x-amz-restore} header of a successful GET. */
    public record Observation(long nanos, String what, int status, String restoreHeader) {
    }

    private final String bucket;
    private final int days;
    private final RestoreTier tier;
    private final List<Observation> seen = new ArrayList<>();
    private int step;
    private boolean wasReadable;
    private int lastGetStatus;

    public RestoreExpiryClient(Recorder recorder, HostId frontEnd, String bucket, int days, RestoreTier tier) {
        super(recorder, frontEnd);
        this.bucket = bucket;
        this.days = days;
        this.tier = tier;
    }

    @Override
    public void onStart(Context ctx) {
        super.onStart(ctx);
        ctx.setTimer(9 * Simulation.HOURS + ctx.rng().uniform(0, 2 * Simulation.HOURS), new Wake());
    }

    @Override
    protected void onIdle(Context ctx) {
        // operations start from Wake timers
    }

    private S3Request get() {
        return new S3Request.GetObject(bucket, KEY, Optional.empty(), Conditions.none(), ByteRange.NONE);
    }

    private static String header(S3Result<?> r) {
        return r.isOk() && r.orThrow() instanceof GetObjectResponse g ? g.info().restore().orElse("") : "";
    }

    @Override
    protected void onClientTimer(Context ctx, Timer t) {
        if (!(t instanceof Wake)) {
            return;
        }
        if (current().isPresent()) {
            ctx.setTimer(Simulation.MINUTES, new Wake());
            return;
        }
        long now = ctx.now();
        if (step == 0) {
            perform(ctx, "put", KEY, new S3Request.PutObject(bucket, KEY, Body.synthetic(64L << 20, KEY),
                    WriteConditions.none(), Optional.of("GLACIER")), r -> step += r.isOk() ? 1 : 0);
            ctx.setTimer(Simulation.DAYS - 2 * Simulation.HOURS + ctx.rng().uniform(0, 2 * Simulation.HOURS), new Wake());
        } else if (step <= 3) {
            S3Request call = step == 1 ? get() : new S3Request.RestoreObject(bucket, KEY, Optional.empty(), days, tier);
            String what = step == 1 ? "get" : step == 2 ? "restore" : "restore again";
            perform(ctx, step == 1 ? "get" : "restore", KEY, call, r -> {
                seen.add(new Observation(now, what, status(r), header(r)));
                lastGetStatus = step == 1 ? status(r) : lastGetStatus;
                step++;
            });
            ctx.setTimer(Simulation.SECONDS, new Wake());
        } else if (step == 4) {
            perform(ctx, "get", KEY, get(), r -> {
                int s = status(r);
                if (s != lastGetStatus) {
                    // hourly polls: only the changes go to the report
                    seen.add(new Observation(now, "get", s, header(r)));
                    lastGetStatus = s;
                }
                if (r.isOk()) {
                    wasReadable = true;
                } else if (wasReadable) {
                    step++;
                }
            });
            ctx.setTimer(Simulation.HOURS, new Wake());
        }
    }

    public List<Observation> seen() {
        return List.copyOf(seen);
    }
}
