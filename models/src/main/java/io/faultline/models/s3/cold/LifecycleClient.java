package io.faultline.models.s3.cold;

import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import io.faultline.sim.client.Recorder;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code s3/lifecycle-to-glacier} client: on day 0, between 09:00 and 15:00 UTC, PUTs its
 * objects in STANDARD; then every day at noon HEADs the probe object ({@code obj-0}); on the
 * restore day it GETs the probe (refused while archived), asks for a restore and GETs hourly until
 * the temporary copy is readable.
 */
final class LifecycleClient extends ColdOpClient {
    static final String PROBE = "obj-0";

    private record Wake() implements Timer {
    }

    /** One GET of the probe as seen: when and what status. */
    record Observation(long nanos, String what, int status) {
    }

    private final int objects;
    private final long size;
    private final int restoreDay;
    private final int restoreDays;
    private final RestoreTier tier;
    private final List<Observation> seen = new ArrayList<>();
    private int puts;
    private boolean restoring;
    private boolean restored;
    private boolean getBeforeRestoreDone;

    LifecycleClient(Recorder recorder, HostId service, int objects, long size, int restoreDay, int restoreDays,
            RestoreTier tier) {
        super(recorder, service);
        this.objects = objects;
        this.size = size;
        this.restoreDay = restoreDay;
        this.restoreDays = restoreDays;
        this.tier = tier;
    }

    @Override
    public void onStart(Context ctx) {
        ctx.setTimer(9 * Simulation.HOURS + ctx.rng().uniform(0, Simulation.HOURS), new Wake());
    }

    @Override
    protected void onIdle(Context ctx) {
        // every operation is started from a Wake timer
    }

    @Override
    protected void onClientTimer(Context ctx, Timer t) {
        if (!(t instanceof Wake) || current().isPresent()) {
            ctx.setTimer(Simulation.MINUTES, new Wake());
            return;
        }
        long now = ctx.now();
        long day = now / Simulation.DAYS;
        if (puts < objects) {
            String key = "obj-" + puts;
            perform(ctx, "put", key, new ColdWire.Put(key, size, StorageClass.STANDARD), a -> puts++);
            ctx.setTimer(ctx.rng().uniform(Simulation.MINUTES, 20 * Simulation.MINUTES), new Wake());
        } else if (day >= restoreDay && !getBeforeRestoreDone) {
            perform(ctx, "get", PROBE, new ColdWire.Get(PROBE), a -> {
                seen.add(new Observation(now, "get before restore", a.status()));
                getBeforeRestoreDone = true;
            });
            ctx.setTimer(Simulation.MINUTES, new Wake());
        } else if (getBeforeRestoreDone && !restoring) {
            perform(ctx, "restore", PROBE, new ColdWire.Restore(PROBE, restoreDays, tier), a -> {
                seen.add(new Observation(now, "restore", a.status()));
                restoring = true;
            });
            ctx.setTimer(Simulation.HOURS, new Wake());
        } else if (restoring && !restored) {
            perform(ctx, "get", PROBE, new ColdWire.Get(PROBE), a -> {
                seen.add(new Observation(now, "get while restoring", a.status()));
                restored = a.ok();
            });
            ctx.setTimer(Simulation.HOURS, new Wake());
        } else {
            perform(ctx, "head", PROBE, new ColdWire.Head(PROBE),
                    a -> seen.add(new Observation(now, "head " + a.storageClass().map(Enum::name).orElse("-"),
                            a.status())));
            ctx.setTimer(UtcTime.nextMidnight(now + 1) + 12 * Simulation.HOURS - now, new Wake());
        }
    }

    List<Observation> seen() {
        return List.copyOf(seen);
    }
}
