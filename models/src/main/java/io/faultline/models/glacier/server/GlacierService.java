package io.faultline.models.glacier.server;

import io.faultline.models.glacier.api.GlacierCall;
import io.faultline.models.glacier.api.GlacierResult;
import io.faultline.models.glacier.api.JobInfo;
import io.faultline.models.glacier.store.VaultStore;
import io.faultline.models.glacier.wire.GlacierWire;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The vault service as a process on a host: it answers {@link GlacierWire.Call}s from the
 * {@link VaultStore}, sends job-completion notifications when jobs finish, and takes the daily
 * inventory at a fixed time of day drawn from its seeded stream (FIDELITY B3 [M14]).
 *
 * <p>The store stands for the service's durable, replicated backend, so it is passed in and
 * survives a crash of this host; what a crash loses is in-flight requests and armed timers, which
 * {@link #onStart} re-arms.
 *
 * <pre>{@code
 * VaultStore store = new VaultStore(5);
 * Host glacier = sim.addHost("glacier", self -> new GlacierService(store));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GlacierService implements Process {
    private record JobDone(String jobId) implements Timer {
    }

    private record DailyInventory() implements Timer {
    }

    private final VaultStore store;
    private long inventoryTimeOfDay = -1;

    public GlacierService(VaultStore store) {
        this.store = store;
    }

    @Override
    public void onStart(Context ctx) {
        inventoryTimeOfDay = ctx.rng().fork("inventory").uniform(0, Simulation.DAYS - 1);
        armInventory(ctx);
        for (Map.Entry<String, Long> e : store.pendingCompletions(ctx.now()).entrySet()) {
            ctx.setTimer(Math.max(0, e.getValue() - ctx.now()), new JobDone(e.getKey()));
        }
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof GlacierWire.Call c) {
            GlacierResult<?> r = GlacierDispatch.apply(store, ctx, c.call());
            if (c.call() instanceof GlacierCall.InitiateJob && r instanceof GlacierResult.Ok<?> ok
                    && ok.value() instanceof JobInfo job) {
                long at = store.completionOf(job.jobId()).orElse(ctx.now());
                ctx.setTimer(Math.max(0, at - ctx.now()), new JobDone(job.jobId()));
            }
            ctx.send(from, new GlacierWire.Answer(c.id(), r));
        }
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (t instanceof JobDone d) {
            Optional<HostId> target = store.notificationTarget(d.jobId());
            if (target.isPresent()) {
                store.vaultOfJob(d.jobId()).flatMap(v -> asJob(store.describeJob(ctx.now(), v, d.jobId())))
                        .ifPresent(info -> ctx.send(target.get(), new GlacierWire.JobCompleted(info)));
            }
        } else if (t instanceof DailyInventory) {
            ctx.log("inventory " + store.takeInventory(ctx.now()));
            armInventory(ctx);
        }
    }

    private void armInventory(Context ctx) {
        long intoDay = Math.floorMod(ctx.now(), Simulation.DAYS);
        long delay = inventoryTimeOfDay - intoDay;
        if (delay <= 0) {
            delay += Simulation.DAYS;
        }
        ctx.setTimer(delay, new DailyInventory());
    }

    private static Optional<JobInfo> asJob(GlacierResult<JobInfo> r) {
        return r instanceof GlacierResult.Ok<JobInfo> ok ? Optional.of(ok.value()) : Optional.empty();
    }
}
