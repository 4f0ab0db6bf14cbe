package io.faultline.serve.s3.session;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.Value;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.governance.Admission;
import io.faultline.models.s3.governance.Governance;
import io.faultline.models.s3.governance.Timing;
import io.faultline.models.s3.workload.S3Requester;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Timer;
import io.faultline.sim.client.OpHandle;
import io.faultline.sim.client.Recorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The simulated host through which outside requests enter the model: each {@link #submit} is sent
 * to a front-end (round robin) and recorded in the history as Jepsen's client would record it:
 * each operation gets a process with nothing open, the lowest idle one, so concurrent HTTP
 * requests are concurrent operations; after an {@code info} the process is retired.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Gateway implements Process {
    private final List<S3Requester> frontEnds = new ArrayList<>();
    private final Recorder recorder;
    private final TreeSet<Integer> idle = new TreeSet<>();
    private final TreeSet<String> unjudged = new TreeSet<>();
    private Context ctx;
    private int next;
    private int open;
    private long admitted;

    private final Governance governance;

    public Gateway(List<HostId> frontEndHosts, Recorder recorder, long startEpochMillis) {
        for (HostId h : frontEndHosts) {
            frontEnds.add(new S3Requester(h));
        }
        this.recorder = recorder;
        this.governance = new Governance((r, k) -> frontEnds.get(0).send(ctx, r, k), Timing.DEFAULT, startEpochMillis);
    }

    /** Notifications, replication and access logs of the requests admitted here. */
    public Governance governance() {
        return governance;
    }

    @Override
    public void onStart(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        // Each requester numbers its own requests: the answer goes to the one that asked that front-end.
        for (S3Requester s3 : frontEnds) {
            if (s3.frontEnd().equals(from)) {
                s3.onMessage(m);
                return;
            }
        }
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        governance.onTimer(ctx, t);
    }

    /** True once the host has started (the simulation has run to time 0). */
    public boolean ready() {
        return ctx != null;
    }

    /** Requests sent and not yet answered. */
    public int openRequests() {
        return open;
    }

    /** Sends {@code r}, a client's own request, into the model now (see {@link #submit(S3Request, boolean, Consumer)}). */
    public long submit(S3Request r, Consumer<S3Result<?>> answer) {
        return submit(r, false, answer);
    }

    /**
     * Sends {@code r} into the model now; {@code answer} gets S3's answer when it arrives.
     * {@code copyWrite} marks the PUT half of a served copy (its notification is a copy's). Returns
     * the request's admission number, which the events it causes carry ({@link Admission}).
     */
    public long submit(S3Request r, boolean copyWrite, Consumer<S3Result<?>> answer) {
        if (ctx == null) {
            throw new IllegalStateException("the gateway host has not started: run the simulation to time 0 first");
        }
        unjudged.addAll(Judged.unjudgedKeys(r));
        Optional<Judged.Invocation> inv = Judged.of(r);
        Optional<OpHandle> op = inv.map(i -> recorder.invoke(process(), i.f(), i.value()));
        S3Requester s3 = frontEnds.get(next++ % frontEnds.size());
        open++;
        long arrivedAt = ctx.now();
        Admission admission = new Admission(++admitted, copyWrite);
        s3.send(ctx, r, result -> {
            open--;
            governance.observe(ctx, r, admission, result, arrivedAt);
            if (op.isPresent()) {
                complete(op.get(), Judged.outcome(inv.get(), result));
            }
            answer.accept(result);
        });
        return admission.number();
    }

    private int process() {
        Integer p = idle.pollFirst();
        return p != null ? p : recorder.freshProcess();
    }

    private void complete(OpHandle op, Judged.Outcome outcome) {
        if (outcome instanceof Judged.Outcome.Ok ok) {
            recorder.ok(op, ok.value());
            idle.add(op.process());
        } else if (outcome instanceof Judged.Outcome.Fail f) {
            recorder.fail(op, f.value());
            idle.add(op.process());
        } else if (outcome instanceof Judged.Outcome.Info i) {
            recorder.info(op, i.value()); // the process is retired: never idle again
        }
    }

    /** The history to judge: every recorded operation except those on keys written outside the vocabulary. */
    public History judgedHistory() {
        List<Op> kept = new ArrayList<>();
        TreeSet<String> skipped = new TreeSet<>(unjudged);
        skipped.addAll(governance.writtenKeys()); // replicas and log objects: no client wrote them
        for (Op o : recorder.history()) {
            if (o.value() instanceof Value.Vec v && !v.items().isEmpty() && v.items().get(0) instanceof Value.Str k
                    && skipped.contains(k.value())) {
                continue;
            }
            kept.add(o.withIndex(kept.size()));
        }
        return History.of(kept);
    }
}
