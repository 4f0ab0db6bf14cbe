package io.faultline.labs.s3ryw;

import io.faultline.models.s3.workload.S3Requester;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Timer;
import io.faultline.sim.client.PendingRequests;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * What a {@link ConsistentStore} may use, on the host it runs on: legacy S3, a linearizable
 * table, timers, and its own name (unique among the clients, handy for unique version ids).
 * Everything else (threads, the wall clock, files, {@code System.exit}) is off limits: the grader
 * rejects it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Backends {
    /** A timer of the student's, carrying what to run. */
    record Later(Runnable task) implements Timer {
    }

    private final String clientName;
    private final LegacyS3 s3;
    private final LinearizableTable table;
    private Context ctx;

    Backends(String clientName, HostId frontEnd, HostId tableHost) {
        this.clientName = clientName;
        this.s3 = new LegacyS3(this, new S3Requester(frontEnd));
        this.table = new LinearizableTable(this, tableHost, new PendingRequests<Consumer<TableWire.Response>>());
    }

    /** The client's name, e.g. {@code c2}: unique among the clients of a run. */
    public String clientName() {
        return clientName;
    }

    /** Legacy S3, bucket {@code data}: eventually consistent reads and lists (FIDELITY A1.2). */
    public LegacyS3 s3() {
        return s3;
    }

    /** The strongly consistent table. */
    public LinearizableTable table() {
        return table;
    }

    /** Runs {@code task} after {@code millis} of virtual time (e.g. to retry). */
    public void after(long millis, Runnable task) {
        ctx.setTimer(Math.max(1, millis) * 1_000_000L, new Later(task));
    }

    /** The harness's context for the handler now running; set before any student code runs. */
    Context context() {
        return ctx;
    }

    void enter(Context current) {
        ctx = current;
    }

    /** Delivers a backend's answer; true if {@code m} was one. */
    boolean onMessage(Message m) {
        return s3.onMessage(m) || table.onMessage(m);
    }
}
