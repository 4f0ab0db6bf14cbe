package io.faultline.bench;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.faultline.sim.Bounds;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Latency;
import io.faultline.sim.LinkSpec;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import io.faultline.sim.TimerId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Kernel throughput on one thread, in simulation events per second: message ping-pong among 100
 * and 10,000 hosts (every host keeps one ball in flight to a random peer) and timer churn (every
 * host sets two timers per firing and cancels one). Each invocation processes {@link #EVENTS}
 * events of an already running simulation, so the figure is events/s at steady state.
 *
 * <p>{@link #queueCeiling} is the yardstick: {@code java.util.PriorityQueue} alone, holding as many
 * pending entries as ping-pong has balls in flight (one per host), polling the earliest and adding one
 * at a later time drawn like ping-pong's latency. A kernel event does at least that much, so
 * kernel / ceiling, measured in the same run, says how much the rest of an event costs on this machine
 * at this moment (a loaded machine slows both alike).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KernelBench {
    static final int EVENTS = 100_000;
    /** JMH runs far past the default 200 million events; a bound would end the run silently. */
    static final Bounds UNBOUNDED = new Bounds(Long.MAX_VALUE, Long.MAX_VALUE / 2);

    sealed interface BenchMessage extends Message {
        record Ball(long n) implements BenchMessage {
        }
    }

    record Tick() implements Timer {
    }

    record Doomed() implements Timer {
    }

    /** Bounces each ball to a random other host. */
    static final class Bouncer implements Process {
        private final int hosts;
        private final HostId[] ids;

        Bouncer(int hosts, HostId[] ids) {
            this.hosts = hosts;
            this.ids = ids;
        }

        @Override
        public void onStart(Context ctx) {
            ctx.send(peer(ctx), new BenchMessage.Ball(0));
        }

        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
            if (m instanceof BenchMessage.Ball b) {
                ctx.send(peer(ctx), new BenchMessage.Ball(b.n() + 1));
            }
        }

        private HostId peer(Context ctx) {
            int i = ctx.rng().nextInt(hosts - 1);
            return ids[i >= ctx.self().index() ? i + 1 : i];
        }
    }

    /** Sets a timer it keeps and one it cancels, every time a timer fires. */
    static final class Churner implements Process {
        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(1 + ctx.rng().nextInt(1_000_000), new Tick());
        }

        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
        }

        @Override
        public void onTimer(Context ctx, Timer t) {
            if (t instanceof Tick) {
                TimerId doomed = ctx.setTimer(5_000_000, new Doomed());
                ctx.setTimer(1 + ctx.rng().nextInt(1_000_000), new Tick());
                ctx.cancel(doomed);
            }
        }
    }

    @Param({"2", "100", "10000"})
    public int hosts;

    private Simulation pingPong;
    private Simulation timers;
    private PriorityQueue<Pending> ceiling;
    private SplittableRandom ceilingRng;

    /** A queue entry as small as the kernel's key: a time and a tie-breaking sequence number. */
    record Pending(long time, long seq) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        pingPong = new Simulation(1, UNBOUNDED);
        pingPong.network().defaultLink(LinkSpec.of(Latency.uniform(100_000, 2_000_000)));
        HostId[] ids = new HostId[hosts];
        for (int i = 0; i < hosts; i++) {
            ids[i] = pingPong.addHost("h" + i, self -> new Bouncer(hosts, ids)).id();
        }
        timers = new Simulation(2, UNBOUNDED);
        for (int i = 0; i < hosts; i++) {
            timers.addHost("t" + i, self -> new Churner());
        }
        ceilingRng = new SplittableRandom(3);
        ceiling = new PriorityQueue<>();
        for (int i = 0; i < hosts; i++) {
            ceiling.add(new Pending(ceilingRng.nextLong(100_000, 2_000_000), i));
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long queueCeiling() {
        return holdCeiling();
    }

    private long holdCeiling() {
        PriorityQueue<Pending> q = ceiling;
        long seq = 0;
        for (int i = 0; i < EVENTS; i++) {
            Pending p = q.poll();
            seq = p.seq + hosts;
            q.add(new Pending(p.time + ceilingRng.nextLong(100_000, 2_000_000), seq));
        }
        return seq;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long pingPong() {
        return advance(pingPong);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long timerChurn() {
        return advance(timers);
    }

    private static long advance(Simulation sim) {
        long target = sim.eventCount() + EVENTS;
        sim.runUntil(() -> sim.eventCount() >= target, Long.MAX_VALUE / 4);
        return sim.eventCount();
    }

    /**
     * Events per CPU-second of this thread, best of five interleaved rounds of two million events
     * after a warm-up, for each host count given (default 2, 100, 10000), with each figure's ratio to
     * the queue ceiling of the same rounds: a figure that a machine shared with other processes
     * distorts less than JMH's wall-clock throughput. Not a JMH benchmark.
     */
    public static void main(String[] args) {
        String[] counts = args.length > 0 ? args : new String[] {"2", "100", "10000"};
        for (String count : counts) {
            KernelBench b = new KernelBench();
            b.hosts = Integer.parseInt(count);
            b.setUp();
            // Interleaved rounds, so that the load of the moment weighs on the three alike.
            double ceiling = 0;
            double pingPong = 0;
            double churn = 0;
            for (int i = 0; i < 30; i++) {
                b.holdCeiling();
                advance(b.pingPong);
                advance(b.timers);
            }
            for (int round = 0; round < 5; round++) {
                ceiling = Math.max(ceiling, perCpuSecond(b::holdCeiling));
                pingPong = Math.max(pingPong, perCpuSecond(() -> advance(b.pingPong)));
                churn = Math.max(churn, perCpuSecond(() -> advance(b.timers)));
            }
            System.out.printf("%s hosts: queue ceiling %.2f, ping-pong %.2f (%.2f of the ceiling), timer churn %.2f"
                    + " (%.2f) M events per CPU-second%n", count, ceiling / 1e6, pingPong / 1e6, pingPong / ceiling,
                    churn / 1e6, churn / ceiling);
        }
    }

    /** Best-effort events per CPU-second of this thread over 20 invocations of {@code invocation}. */
    private static double perCpuSecond(java.util.function.LongSupplier invocation) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < 20; i++) {
            invocation.getAsLong();
        }
        return 20.0 * EVENTS / ((cpu.getCurrentThreadCpuTime() - start) / 1e9);
    }
}
