package io.faultline.models.s3.server;

import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.rules.IndexLayout;
import io.faultline.models.s3.rules.PrefixPartitions;
import io.faultline.models.s3.wire.S3Wire;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Timer;
import io.faultline.sim.TimerId;
import java.util.List;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A front-end host: it receives API requests from clients, admits them against the request-rate
 * limits of their prefix partition (FIDELITY A15: 503 SlowDown beyond them), carries them out
 * against the index replicas ({@link IndexCalls}, {@link Handlers}) and the storage hosts
 * ({@link BlobCalls}: object bytes are written there before their metadata is committed to the
 * index, and read from there after the index said which blob to read), and answers. A request still
 * unanswered after the deadline gets 503 ServiceUnavailable: without a quorum the model answers
 * 503 (or the client times out) rather than return stale data.
 *
 * <p>All state is volatile: a crashed front-end forgets its requests (their clients time out),
 * its negative cache and its view of the prefix partitions.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FrontEnd implements Process {
    private record Deadline(long request) implements Timer {
    }

    private record Resend() implements Timer {
    }

    record Window(long call) implements Timer {
    }

    private record Pending(HostId client, long clientId, TimerId deadline) {
    }

    private final int id;
    private final List<HostId> index;
    private final IndexLayout layout;
    private final List<HostId> storage;
    private final S3Config config;
    private final ColdPath cold;
    private final Calls calls = new Calls();
    private final TreeMap<Long, Pending> pending = new TreeMap<>();
    private final TreeMap<String, PrefixPartitions> partitions = new TreeMap<>();
    private Context ctx;
    private IndexCalls indexCalls;
    private BlobCalls blobCalls;
    private Handlers handlers;
    private LifecycleSweep lifecycle;
    private long nextRequest = 1;
    private boolean resendArmed;

    /**
     * @param id     this front-end's number (it breaks ties between write stamps)
     * @param index   the index replicas
     * @param storage the storage hosts
     * @param config  the model's configuration
     */
    public FrontEnd(int id, List<HostId> index, List<HostId> storage, S3Config config) {
        this(id, index, storage, config, ColdPath.defaults());
    }

    /**
     * @param cold the cold path's settings and account records, shared by the cluster's front-ends;
     *             front-end 0 runs the daily lifecycle process (FIDELITY A9.4)
     */
    public FrontEnd(int id, List<HostId> index, List<HostId> storage, S3Config config, ColdPath cold) {
        this.id = id;
        this.index = List.copyOf(index);
        this.layout = new IndexLayout(index, config.indexGroupSize());
        this.storage = List.copyOf(storage);
        this.config = config;
        this.cold = cold;
    }

    @Override
    public void onStart(Context c) {
        this.ctx = c;
        FrontEndContext front = new FrontEndContext(id, index, layout, storage, config, cold, calls, new OpenRequests());
        this.indexCalls = new IndexCalls(front, c);
        this.blobCalls = new BlobCalls(front, c);
        this.handlers = new Handlers(front, indexCalls, blobCalls);
        if (id == 0) {
            this.lifecycle = new LifecycleSweep(front, indexCalls, c);
            lifecycle.arm();
        }
    }

    /** What the collaborators may do with this front-end's requests ({@link FrontEndContext.Requests}). */
    private final class OpenRequests implements FrontEndContext.Requests {
        @Override
        public void respond(long request, S3Result<?> result) {
            FrontEnd.this.respond(request, result);
        }

        @Override
        public boolean isOpen(long request) {
            return pending.containsKey(request);
        }

        @Override
        public long internalRequest() {
            return nextRequest++;
        }

        @Override
        public void armResend() {
            FrontEnd.this.armResend();
        }
    }

    /** The partitions of each bucket's key space as this front-end sees them (A15). */
    public TreeMap<String, Integer> partitionCounts() {
        TreeMap<String, Integer> out = new TreeMap<>();
        partitions.forEach((b, p) -> out.put(b, p.count()));
        return out;
    }

    /** Where each bucket's partitions split so far. */
    public TreeMap<String, List<PrefixPartitions.Split>> splits() {
        TreeMap<String, List<PrefixPartitions.Split>> out = new TreeMap<>();
        partitions.forEach((b, p) -> out.put(b, p.splits()));
        return out;
    }

    @Override
    public void onMessage(Context c, HostId from, Message m) {
        if (m instanceof S3Wire.ClientRequest r) {
            accept(from, r);
        } else if (m instanceof S3Wire w) {
            calls.reply(from, w);
        }
    }

    private void accept(HostId from, S3Wire.ClientRequest r) {
        S3Request req = r.request();
        if (!req.bucket().isEmpty()) {
            PrefixPartitions p = partitions.computeIfAbsent(req.bucket(), b -> new PrefixPartitions(config, ctx.now()));
            if (!p.admit(req.rateKey(), req.isWrite(), ctx.now())) {
                ctx.send(from, new S3Wire.ClientResponse(r.id(),
                        S3Result.err(S3Error.SLOW_DOWN, "Please reduce your request rate.")));
                return;
            }
        }
        long requestId = nextRequest++;
        TimerId deadline = ctx.setTimer(config.deadlineNanos(), new Deadline(requestId));
        pending.put(requestId, new Pending(from, r.id(), deadline));
        armResend();
        handlers.handle(requestId, req);
    }

    /** Answers request {@code requestId} (once; later answers are ignored) and drops its calls. */
    private void respond(long requestId, S3Result<?> result) {
        Pending p = pending.remove(requestId);
        if (p == null) {
            return;
        }
        ctx.cancel(p.deadline());
        calls.dropOwner(requestId);
        indexCalls.release(requestId);
        ctx.send(p.client(), new S3Wire.ClientResponse(p.clientId(), result));
    }

    private void armResend() {
        if (!resendArmed) {
            resendArmed = true;
            ctx.setTimer(config.retryNanos(), new Resend());
        }
    }

    @Override
    public void onTimer(Context c, Timer t) {
        if (t instanceof Deadline d) {
            respond(d.request(), S3Result.err(S3Error.SERVICE_UNAVAILABLE,
                    "no quorum of index replicas or storage hosts answered within the deadline"));
        } else if (t instanceof Resend) {
            resendArmed = false;
            calls.resend(c);
            if (!calls.isEmpty()) {
                armResend();
            }
        } else if (t instanceof Window w) {
            calls.finishEarly(w.call());
        } else if (t instanceof BlobCalls.Again a) {
            blobCalls.onTimer(a);
        } else if (t instanceof LifecycleSweep.Run && lifecycle != null) {
            lifecycle.run();
        }
    }

}
