package io.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class EventQueueTest {
    /** Carries its own key so the reference can order it; kernel events do not. */
    static final class Marker extends Event {
        long time;
        long seq;

        @Override
        void fire(Simulation sim) {
        }
    }

    @Test
    void pollsInTimeThenSequenceOrderUnderRandomInterleavings() {
        long seed = 20261126L;
        System.out.println("EventQueueTest seed " + seed);
        Rng rng = new Rng(seed);
        EventQueue q = new EventQueue();
        TreeSet<Marker> reference = new TreeSet<>(Comparator.<Marker>comparingLong(e -> e.time).thenComparingLong(e -> e.seq));
        long seq = 0;
        List<Long> got = new ArrayList<>();
        List<Long> want = new ArrayList<>();
        for (int step = 0; step < 200_000; step++) {
            if (rng.chance(0.55) || q.isEmpty()) {
                Marker m = new Marker();
                m.time = rng.nextInt(1_000);          // many equal times, so seq decides often
                m.seq = seq++;
                q.add(m, m.time, m.seq);
                reference.add(m);
            } else {
                Marker e = (Marker) q.poll();
                Marker r = reference.pollFirst();
                got.add(e.seq);
                want.add(r.seq);
            }
            assertEquals(reference.size(), q.size());
        }
        assertEquals(want, got);
        while (!q.isEmpty()) {
            assertEquals(reference.pollFirst().seq, ((Marker) q.poll()).seq);
        }
        assertNull(q.poll());
    }
}
