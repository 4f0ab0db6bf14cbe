package io.faultline.sim.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Latency;
import io.faultline.sim.LinkSpec;
import io.faultline.sim.Message;
import io.faultline.sim.Simulation;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientTest {
    record Req(long opId, long value) implements Message {
    }

    record Resp(long opId, long value, boolean applied) implements Message {
    }

    private static final long MS = Simulation.MILLIS;

    /** Applies even values, refuses odd ones, and ignores values of 100 and above (a silent server). */
    static final class Server implements io.faultline.sim.Process {
        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
            if (m instanceof Req r && r.value() < 100) {
                ctx.send(from, new Resp(r.opId(), r.value(), r.value() % 2 == 0));
            }
        }
    }

    static final class Driver extends Client {
        private final HostId server;
        private final List<Long> values;
        private int next;

        Driver(Recorder rec, HostId server, List<Long> values) {
            super(rec, 0, 50 * MS);
            this.server = server;
            this.values = values;
        }

        @Override
        protected void onIdle(Context ctx) {
            if (next < values.size()) {
                OpHandle op = begin(ctx, "put", Value.of(values.get(next++)));
                ctx.send(server, new Req(op.id(), ((Value.Int) op.value()).value()));
            }
        }

        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
            if (m instanceof Resp r) {
                if (r.applied()) {
                    ok(ctx, r.opId(), Value.of(r.value()));
                } else {
                    fail(ctx, r.opId(), Value.of(r.value()));
                }
            }
        }
    }

    @Test
    void operationsAreRecordedAsOkFailOrInfoOnTimeout() {
        Simulation sim = new Simulation(1);
        sim.network().defaultLink(LinkSpec.of(Latency.constant(MS)));
        Recorder rec = new Recorder(sim);
        HostId server = sim.addHost("server", self -> new Server()).id();
        sim.addHost("client", self -> new Driver(rec, server, List.of(2L, 3L, 100L, 4L)));
        sim.run(Simulation.SECONDS);
        History h = rec.history();
        List<String> summary = h.ops().stream().map(o -> o.process() + " " + o.type().keyword() + " " + o.value()).toList();
        assertEquals(List.of("0 invoke 2", "0 ok 2", "0 invoke 3", "0 fail 3", "0 invoke 100", "0 info nil",
                "1 invoke 4", "1 ok 4"), summary);
        Op timedOut = h.get(5);
        assertEquals(OpType.INFO, timedOut.type());
        assertEquals(h.get(4).time().getAsLong() + 50 * MS, timedOut.time().getAsLong());
        assertEquals(0, rec.openCount());
    }

    @Test
    void aRestartedClientContinuesAsAFreshProcess() {
        Simulation sim = new Simulation(1);
        sim.network().defaultLink(LinkSpec.of(Latency.constant(MS)));
        Recorder rec = new Recorder(sim);
        HostId server = sim.addHost("server", self -> new Server()).id();
        io.faultline.sim.Host client = sim.addHost("client", self -> new Driver(rec, server, List.of(100L, 2L)));
        sim.at(10 * MS, "crash client", client::crash);
        sim.at(20 * MS, "restart client", client::restart);
        sim.run(Simulation.SECONDS);
        List<String> summary = rec.history().ops().stream()
                .map(o -> o.process() + " " + o.type().keyword() + " " + o.value()).toList();
        assertEquals(List.of("0 invoke 100", "1 invoke 100", "1 info nil", "2 invoke 2", "2 ok 2"), summary);
        assertEquals(1, rec.openCount());
    }

    @Test
    void aProcessCannotInvokeTwiceConcurrently() {
        Recorder rec = new Recorder(new Simulation(1));
        rec.invoke(0, "read", Value.NIL);
        assertThrows(IllegalStateException.class, () -> rec.invoke(0, "read", Value.NIL));
    }

    @Test
    void completingAnOperationTwiceIsAnError() {
        Simulation sim = new Simulation(1);
        Recorder rec = new Recorder(sim);
        OpHandle op = rec.invoke(3, "read", Value.NIL);
        rec.ok(op, Value.of(1));
        assertThrows(IllegalStateException.class, () -> rec.info(op, Value.NIL));
        assertEquals(4, rec.freshProcess());
    }

    /**
     * A client that times out before another client's first request must not take that client's
     * process id as its fresh one (demo/echo seed 1000279 stopped with "process 1 still has an
     * operation open" before process ids were reserved at construction).
     */
    @Test
    void aFreshProcessNeverTakesTheIdOfAClientThatHasNotInvokedYet() {
        Recorder rec = new Recorder(new Simulation(1));
        rec.invoke(0, "read", Value.NIL);
        new Client(rec, 1, 50 * MS) {
            @Override
            protected void onIdle(Context ctx) {
            }

            @Override
            public void onMessage(Context ctx, HostId from, Message m) {
            }
        };
        assertEquals(2, rec.freshProcess());
    }
}
