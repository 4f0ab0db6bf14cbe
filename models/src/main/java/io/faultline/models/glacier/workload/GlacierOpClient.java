package io.faultline.models.glacier.workload;

import io.faultline.checker.history.Value;
import io.faultline.models.glacier.api.ArchiveReceipt;
import io.faultline.models.glacier.api.GlacierCall;
import io.faultline.models.glacier.api.GlacierResult;
import io.faultline.models.glacier.api.JobInfo;
import io.faultline.models.glacier.api.JobOutput;
import io.faultline.models.glacier.api.VaultInfo;
import io.faultline.models.glacier.wire.GlacierWire;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Simulation;
import io.faultline.sim.client.Client;
import io.faultline.sim.client.OpHandle;
import io.faultline.sim.client.Recorder;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Base of the scenarios' recording clients: one vault API call at a time, recorded as a Jepsen
 * operation ({@code ok} when the service answered with a value, {@code fail} with the error code
 * when it refused, since a refused call changed nothing), plus job-completion notifications.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class GlacierOpClient extends Client {
    protected final GlacierRequester glacier;

    GlacierOpClient(Recorder recorder, int process, HostId service) {
        super(recorder, process, Simulation.MINUTES);
        this.glacier = new GlacierRequester(service);
    }

    /** Invokes {@code f} as {@code call}; {@code then} sees the answer before the next operation starts. */
    protected final void perform(Context ctx, String f, Value value, GlacierCall call,
            Consumer<GlacierResult<?>> then) {
        OpHandle op = begin(ctx, f, value);
        glacier.call(ctx, call, r -> {
            if (current().filter(c -> c.id() == op.id()).isEmpty()) {
                return;
            }
            then.accept(r);
            if (r instanceof GlacierResult.Err<?> e) {
                fail(ctx, op.id(), Value.of(e.error().code()));
            } else {
                ok(ctx, op.id(), resultValue(r.value()));
            }
        });
    }

    /** A job finished; the default ignores it. */
    protected void onJobCompleted(Context ctx, JobInfo job) {
    }

    @Override
    public final void onMessage(Context ctx, HostId from, Message m) {
        if (glacier.onMessage(m)) {
            return;
        }
        if (m instanceof GlacierWire.JobCompleted done) {
            onJobCompleted(ctx, done.job());
        }
    }

    private static Value resultValue(Object v) {
        if (v instanceof ArchiveReceipt a) {
            return Value.of(a.archiveId());
        } else if (v instanceof JobInfo j) {
            return Value.of(j.jobId());
        } else if (v instanceof JobOutput.Archive a) {
            return Value.of(a.body().treeHash());
        } else if (v instanceof JobOutput.Inventory inv) {
            return Value.of(inv.entries().size());
        } else if (v instanceof VaultInfo vi) {
            return Value.of(vi.numberOfArchives());
        } else if (v instanceof String s) {
            return Value.of(s);
        }
        return Value.NIL;
    }
}
