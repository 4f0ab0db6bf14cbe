package io.faultline.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The code of docs/getting-started.adoc, compiled and run by the build. */
class GettingStartedExampleTest {

    @Test
    void recordsAHistory() {
        // tag::history[]
        HistoryBuilder h = new HistoryBuilder();
        h.invoke(0, "write", Value.of(1), 10);          // process 0 starts writing 1
        h.invoke(1, "read", Value.NIL, 15);             // process 1 starts a read
        h.complete(0, OpType.OK, "write", Value.of(1), 20);
        h.complete(1, OpType.OK, "read", Value.of(1), 25);
        History history = h.build();
        // end::history[]
        assertEquals(4, history.size());
        assertEquals(OpType.OK, history.get(3).type());
    }

    // tag::process[]
    sealed interface PingMessage extends Message {
        record Ping(int n) implements PingMessage {
        }

        record Pong(int n) implements PingMessage {
        }
    }

    /** Answers every Ping with a Pong of the same number. */
    static final class Ponger implements Process {
        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
            if (m instanceof PingMessage.Ping p) {
                ctx.send(from, new PingMessage.Pong(p.n()));
            }
        }
    }

    /** Sends three Pings at start and remembers the Pongs, with the local time they came back. */
    static final class Pinger implements Process {
        private final HostId server;
        final List<String> pongs = new ArrayList<>();

        Pinger(HostId server) {
            this.server = server;
        }

        @Override
        public void onStart(Context ctx) {
            for (int n = 1; n <= 3; n++) {
                ctx.send(server, new PingMessage.Ping(n));
            }
        }

        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
            if (m instanceof PingMessage.Pong p) {
                pongs.add("pong " + p.n() + " at " + ctx.now() + " ns");
            }
        }
    }
    // end::process[]

    @Test
    void runsTwoProcessesOnVirtualHardware() {
        // tag::simulate[]
        Simulation sim = new Simulation(42);                       // one seed, one run
        HostId server = sim.addHost("server", self -> new Ponger()).id();
        Pinger pinger = new Pinger(server);
        sim.addHost("client", self -> pinger);
        sim.run(1 * Simulation.SECONDS);                           // one virtual second
        // three pongs; the network may reorder them, the seed fixes how
        // end::simulate[]
        assertEquals(3, pinger.pongs.size());
        Simulation again = new Simulation(42);
        HostId s2 = again.addHost("server", self -> new Ponger()).id();
        Pinger p2 = new Pinger(s2);
        again.addHost("client", self -> p2);
        again.run(1 * Simulation.SECONDS);
        assertEquals(pinger.pongs, p2.pongs);
        assertEquals(sim.trace().hash(), again.trace().hash());
    }

    @Test
    void runsACatalogScenario() {
        // tag::scenario[]
        Scenario echo = Scenarios.get("demo/echo");
        RunResult result = echo.run(echo.spec(7, List.of("clients=2"), Optional.of("10s")));
        System.out.println(result.outcome() + " " + result.traceHash());
        // end::scenario[]
        assertEquals(Outcome.VALID, result.outcome());
        assertTrue(result.eventCount() > 0);
    }
}
