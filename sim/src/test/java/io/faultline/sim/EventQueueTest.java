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
                Marker e = (Marker) q.event(q.poll());
                Marker r = reference.pollFirst();
                got.add(e.seq);
                want.add(r.seq);
            }
            assertEquals(reference.size(), q.size());
        }
        assertEquals(want, got);
        while (!q.isEmpty()) {
            assertEquals(reference.pollFirst().seq, ((Marker) q.event(q.poll())).seq);
        }
        assertEquals(EventQueue.NONE, q.poll());
    }

    record Note(long seq) implements Message {
    }

    /**
     * Messages on the wire live in the queue's delivery slots, other events in its event slots, both
     * reused: each comes out with its own fields, in order among the other kind, and the slot just polled
     * keeps its fields while others of either kind are added (as a firing event sends and sets timers).
     */
    @Test
    void deliveriesKeepTheirFieldsWhileSlotsAreReused() {
        long seed = 20261207L;
        System.out.println("EventQueueTest seed " + seed);
        Rng rng = new Rng(seed);
        EventQueue q = new EventQueue();
        TreeSet<long[]> reference = new TreeSet<>(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        long seq = 0;
        for (int step = 0; step < 100_000; step++) {
            if (rng.chance(0.55) || q.isEmpty()) {
                long time = rng.nextInt(1_000);
                if (rng.chance(0.5)) {
                    Marker m = new Marker();
                    m.time = time;
                    m.seq = seq;
                    q.add(m, time, seq);
                    reference.add(new long[] {time, seq, 0});
                } else {
                    q.addDelivery((int) (seq % 97), (int) (seq % 89), new Note(seq), seq * 3, time, seq);
                    reference.add(new long[] {time, seq, 1});
                }
                seq++;
            } else {
                int slot = q.poll();
                long[] want = reference.pollFirst();
                for (int k = 0; k < 3; k++) {   // adds while the polled event fires, of both kinds (two slot pools)
                    if (k == 1) {
                        Marker m = new Marker();
                        m.time = 2_000 + step;
                        m.seq = seq;
                        q.add(m, m.time, seq);
                        reference.add(new long[] {m.time, seq++, 0});
                    } else {
                        q.addDelivery((int) (seq % 97), (int) (seq % 89), new Note(seq), seq * 3, 2_000 + step, seq);
                        reference.add(new long[] {2_000 + step, seq++, 1});
                    }
                }
                if (want[2] == 0) {
                    assertEquals(want[1], ((Marker) q.event(slot)).seq);
                } else {
                    assertNull(q.event(slot));
                    assertEquals(new Note(want[1]), q.message(slot));
                    assertEquals(want[1] % 97, q.from(slot));
                    assertEquals(want[1] % 89, q.to(slot));
                    assertEquals(want[1] * 3, q.sentAt(slot));
                }
            }
            assertEquals(reference.size(), q.size());
        }
    }
}
