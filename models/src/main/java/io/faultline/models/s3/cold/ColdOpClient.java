package io.faultline.models.s3.cold;

import io.faultline.checker.history.Value;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Simulation;
import io.faultline.sim.client.Client;
import io.faultline.sim.client.OpHandle;
import io.faultline.sim.client.Recorder;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Base of the cold-path scenarios' recording clients: one call at a time, recorded {@code ok} for a
 * 2xx answer and {@code fail} with the error code otherwise (a refused call changed nothing).
 */
abstract class ColdOpClient extends Client {
    private final HostId service;
    private final TreeMap<Long, Consumer<ColdWire.Answer>> waiting = new TreeMap<>();
    private long nextId;

    ColdOpClient(Recorder recorder, HostId service) {
        super(recorder, 0, Simulation.MINUTES);
        this.service = service;
    }

    /** Invokes {@code f} as {@code call}; {@code then} sees the answer before the next operation starts. */
    protected final void perform(Context ctx, String f, String key, ColdWire.ColdCall call,
            Consumer<ColdWire.Answer> then) {
        OpHandle op = begin(ctx, f, Value.of(key));
        long id = nextId++;
        waiting.put(id, a -> {
            if (current().filter(c -> c.id() == op.id()).isEmpty()) {
                return;
            }
            then.accept(a);
            Value v = Value.of(a.status() + a.code().map(c -> " " + c).orElse("")
                    + a.storageClass().map(c -> " " + c).orElse(""));
            if (a.ok()) {
                ok(ctx, op.id(), v);
            } else {
                fail(ctx, op.id(), v);
            }
        });
        ctx.send(service, new ColdWire.Call(id, call));
    }

    @Override
    public final void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof ColdWire.Answer a) {
            Consumer<ColdWire.Answer> k = waiting.remove(a.id());
            if (k != null) {
                k.accept(a);
            }
        }
    }
}
