package io.faultline.bench;

import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Latency;
import io.faultline.sim.LinkSpec;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;

/**
 * Measures what a pending event costs on the heap: one host sends a million messages that are
 * still on the wire (one hour of latency), then the same count of pending no-op actions; forces
 * collections and divides the retained growth by the count. A message's cost includes the
 * message record itself. Approximate (heap accounting), which
 * is why it is a separate program and not a JMH score. Run with
 * {@code java -cp bench/target/benchmarks.jar io.faultline.bench.PendingEventFootprint}.
 */
public final class PendingEventFootprint {
    private PendingEventFootprint() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        messages(n);
        actions(n);
    }

    private static void messages(int n) {
        Simulation messages = new Simulation(1);
        messages.network().defaultLink(LinkSpec.of(Latency.constant(Simulation.HOURS)));
        HostId[] ids = new HostId[2];
        ids[1] = messages.addHost("sink", self -> new Sink()).id();
        long before = used();
        ids[0] = messages.addHost("source", self -> new Source(n, ids)).id();
        messages.run(Simulation.SECONDS);
        long after = used();
        report("in-flight message", messages.pendingEvents(), after - before);
    }

    private static void actions(int n) {
        long before = used();
        Simulation actions = new Simulation(1);
        Runnable noop = () -> { };
        for (int i = 0; i < n; i++) {
            actions.at(1_000L + i, "noop", noop);
        }
        long after = used();
        report("scheduled action", actions.pendingEvents(), after - before);
    }

    private static void report(String what, int pending, long bytes) {
        System.out.printf("%s: %d pending, %d bytes retained, %.1f bytes each%n",
                what, pending, bytes, bytes / (double) pending);
    }

    record Blip(int n) implements Message {
    }

    static final class Source implements Process {
        private final int n;
        private final HostId[] ids;

        Source(int n, HostId[] ids) {
            this.n = n;
            this.ids = ids;
        }

        @Override
        public void onStart(Context ctx) {
            for (int i = 0; i < n; i++) {
                ctx.send(ids[1], new Blip(i));
            }
        }

        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
        }
    }

    static final class Sink implements Process {
        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
        }
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
