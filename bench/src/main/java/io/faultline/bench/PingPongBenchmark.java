package io.faultline.bench;

import io.faultline.sim.Bounds;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.RunStatus;
import io.faultline.sim.Simulation;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The kernel's hot path: two hosts bouncing messages through the network (latency sampling, the
 * event queue, delivery, the trace hash). Reports events per second (target: 5 million on one thread).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PingPongBenchmark {
    static final int EVENTS = 1_000_000;

    /** Messages in flight at once (the size of the event queue). */
    @Param({"1", "100", "10000"})
    public int balls;

    record Ball(long n) implements Message {
    }

    static final class Player implements Process {
        HostId peer;
        final int serve;

        Player(int serve) {
            this.serve = serve;
        }

        @Override
        public void onStart(Context ctx) {
            for (int i = 0; i < serve; i++) {
                ctx.send(peer, new Ball(i));
            }
        }

        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
            ctx.send(from, new Ball(((Ball) m).n() + 1));
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public String pingPong() {
        Simulation sim = new Simulation(42, new Bounds(EVENTS, 1000 * Simulation.DAYS));
        Player a = new Player(balls);
        Player b = new Player(0);
        HostId ia = sim.addHost("a", self -> a).id();
        HostId ib = sim.addHost("b", self -> b).id();
        a.peer = ib;
        b.peer = ia;
        RunStatus status = sim.run(999 * Simulation.DAYS);
        if (status != RunStatus.EVENT_BOUND) {
            throw new IllegalStateException("expected to run " + EVENTS + " events, stopped by " + status);
        }
        return sim.trace().hash();
    }
}
