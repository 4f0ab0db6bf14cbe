package io.faultline.models.s3.cold;

import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import io.faultline.sim.client.Recorder;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code s3/restore-expiry} client, a fixed script: PUT an object straight into GLACIER on day
 * 0; on day 1 GET it (403), restore it (202), restore it again (409 while in progress), then GET
 * hourly until the temporary copy is readable, and on until it is gone again (the observations
 * keep the first GET and every change of status).
 */
final class RestoreExpiryClient extends ColdOpClient {
    static final String KEY = "archive-1";

    private record Wake() implements Timer {
    }

    /** One answer as seen. */
    record Observation(long nanos, String what, int status, String restoreHeader) {
    }

    private final int days;
    private final RestoreTier tier;
    private final List<Observation> seen = new ArrayList<>();
    private int step;
    private boolean wasReadable;
    private int lastGetStatus;

    RestoreExpiryClient(Recorder recorder, HostId service, int days, RestoreTier tier) {
        super(recorder, service);
        this.days = days;
        this.tier = tier;
    }

    @Override
    public void onStart(Context ctx) {
        ctx.setTimer(9 * Simulation.HOURS + ctx.rng().uniform(0, 2 * Simulation.HOURS), new Wake());
    }

    @Override
    protected void onIdle(Context ctx) {
        // operations start from Wake timers
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
        switch (step) {
            case 0 -> {
                perform(ctx, "put", KEY, new ColdWire.Put(KEY, 64L << 20, StorageClass.GLACIER), a -> step++);
                ctx.setTimer(Simulation.DAYS - 2 * Simulation.HOURS + ctx.rng().uniform(0, 2 * Simulation.HOURS),
                        new Wake());
            }
            case 1, 2, 3 -> {
                ColdWire.ColdCall call = step == 1 ? new ColdWire.Get(KEY) : new ColdWire.Restore(KEY, days, tier);
                String what = step == 1 ? "get" : step == 2 ? "restore" : "restore again";
                perform(ctx, step == 1 ? "get" : "restore", KEY, call, a -> {
                    seen.add(new Observation(now, what, a.status(), a.restoreHeader().orElse("")));
                    lastGetStatus = step == 1 ? a.status() : lastGetStatus;
                    step++;
                });
                ctx.setTimer(Simulation.SECONDS, new Wake());
            }
            case 4 -> {
                perform(ctx, "get", KEY, new ColdWire.Get(KEY), a -> {
                    if (a.status() != lastGetStatus) {
                        // hourly polls: only the changes go to the report
                        seen.add(new Observation(now, "get", a.status(), a.restoreHeader().orElse("")));
                        lastGetStatus = a.status();
                    }
                    if (a.ok()) {
                        wasReadable = true;
                    } else if (wasReadable) {
                        step++;
                    }
                });
                ctx.setTimer(Simulation.HOURS, new Wake());
            }
            default -> {
            }
        }
    }

    List<Observation> seen() {
        return List.copyOf(seen);
    }
}
