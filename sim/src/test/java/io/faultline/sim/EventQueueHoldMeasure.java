package io.faultline.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Not a test (its name does not end in Test, so the build never runs it): the classic "hold" model
 * of a priority queue, for comparing event queue implementations in isolation. With {@code n}
 * events pending, each step polls the earliest and adds one at a uniformly random later time;
 * prints the best of six rounds of two million steps in steps per CPU-second of this thread.
 *
 * <pre>
 * ./mvnw -o -q -pl sim test-compile
 * java -cp sim/target/classes:sim/target/test-classes io.faultline.sim.EventQueueHoldMeasure 100 10000 1000000
 * </pre>
 */
public final class EventQueueHoldMeasure {
    private static final class Pending extends Event {
        @Override
        void fire(Simulation sim) {
        }
    }

    private EventQueueHoldMeasure() {
    }

    public static void main(String[] args) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (String arg : args) {
            int n = Integer.parseInt(arg);
            EventQueue q = new EventQueue();
            Rng rng = new Rng(7);
            long seq = 0;
            for (int i = 0; i < n; i++) {
                q.add(new Pending(), rng.nextInt(1_000_000), seq++);
            }
            double best = 0;
            for (int round = 0; round < 8; round++) {
                long start = cpu.getCurrentThreadCpuTime();
                for (int k = 0; k < 2_000_000; k++) {
                    long now = q.peekTime();
                    q.add(q.event(q.poll()), now + 1 + rng.nextInt(1_000_000), seq++);
                }
                double perSecond = 2_000_000 / ((cpu.getCurrentThreadCpuTime() - start) / 1e9);
                if (round >= 2) {
                    best = Math.max(best, perSecond);
                }
            }
            System.out.printf("hold, %d pending: %.1f M poll+add per CPU-second%n", n, best / 1e6);
        }
    }
}
